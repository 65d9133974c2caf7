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
package dev.iggycamel.springboot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's "APPLICATION FAILED TO START" report for a Netty 4.1 class path: the problem and the fix. */
public class IggyNettyFailureAnalyzer extends AbstractFailureAnalyzer<IggyNettyVersionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IggyNettyVersionException cause) {
        return new FailureAnalysis(
                IggyNettyVersionException.problem(cause.getMissingClasses(), cause.getNettyVersions()),
                IggyNettyVersionException.FIX,
                cause);
    }
}
