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
package dev.iggycamel.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import java.util.List;
import java.util.logging.LogRecord;

/**
 * The dev services tests' base class: their application, with the log records of the dev services build step
 * captured. A base class, because QuarkusUnitTest puts the test class and its superclasses into the application.
 */
abstract class DevServicesTestSupport {

    private static final String STARTED = "Dev Services for Camel Iggy started an embedded Iggy server at ";

    /** An application whose build must log that the embedded server started on localhost. */
    static QuarkusUnitTest expectingDevService() {
        return capturingLog().assertLogRecords(records -> assertThat(messages(records))
                .anySatisfy(message -> assertThat(message).startsWith(STARTED + "localhost:")));
    }

    /** An application whose build must not start the embedded server, and say why (at debug level). */
    static QuarkusUnitTest expectingNoDevService(String reason) {
        return capturingLog()
                .overrideConfigKey("quarkus.log.category.\"dev.iggycamel.quarkus\".level", "DEBUG")
                .assertLogRecords(records -> assertThat(messages(records))
                        .contains("Dev Services for Camel Iggy not started: " + reason)
                        .noneMatch(message -> message.startsWith(STARTED)));
    }

    private static QuarkusUnitTest capturingLog() {
        return new QuarkusUnitTest().withEmptyApplication().setLogRecordPredicate(record -> record.getLoggerName()
                .equals(IggyDevServicesProcessor.class.getName()));
    }

    private static List<String> messages(List<LogRecord> records) {
        return records.stream()
                .map(record -> String.format(record.getMessage(), record.getParameters()))
                .toList();
    }
}
