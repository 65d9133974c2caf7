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
package dev.iggycamel.kamelets.utils;

import java.nio.charset.StandardCharsets;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * A message body as text: bytes (what iggy-source delivers) decoded as UTF-8 whatever the platform charset, any other
 * body converted by Camel.
 */
public final class Utf8Body {

    private Utf8Body() {}

    public static String of(Message message) throws InvalidPayloadException {
        Object body = message.getBody();
        return body instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : message.getMandatoryBody(String.class);
    }
}
