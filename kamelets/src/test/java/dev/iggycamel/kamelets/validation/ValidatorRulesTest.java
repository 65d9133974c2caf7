/*
 * Copyright The camel-iggy Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.iggycamel.kamelets.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The validator catches what it claims to: each broken Kamelet under {@code src/test/resources/invalid} names the
 * rule it breaks ({@code # expect-rule: name}), and validating it must report that rule, naming the file.
 */
class ValidatorRulesTest {

    private static final Pattern EXPECT = Pattern.compile("# expect-rule: ([a-z-]+)");

    @TestFactory
    Stream<DynamicTest> everyBrokenKameletIsReportedWithItsRule() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.start();
        KameletRules rules =
                new KameletRules(context, KameletFiles.projectVersion(), KameletFiles.upstreamKameletNames());
        return KameletFiles.list(Path.of("src/test/resources/invalid"), ".kamelet.yaml").stream()
                .map(file -> dynamicTest(file.getFileName().toString(), () -> {
                    Matcher expected = EXPECT.matcher(Files.readString(file));
                    assertThat(expected.find())
                            .as("%s names the rule it breaks", file)
                            .isTrue();
                    Violations v = new Violations();
                    rules.validate(file, v);
                    assertThat(v.hasRule(expected.group(1)))
                            .as("%s must be reported for [%s]; reported: %s", file, expected.group(1), v)
                            .isTrue();
                    assertThat(v.list())
                            .allMatch(line -> line.startsWith(file.getFileName().toString()));
                }))
                .onClose(context::stop);
    }
}
