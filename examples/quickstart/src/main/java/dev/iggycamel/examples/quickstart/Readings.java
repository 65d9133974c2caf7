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
package dev.iggycamel.examples.quickstart;

import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The bean {@code readings}: turns the loop index of the generating route into one reading of a simulated smart meter,
 * a small JSON document with the headers {@code seq} (its number) and {@code meter} (the partition key). The twelve
 * meter names spread evenly over three partitions.
 */
public final class Readings {

    static final int METERS = 12;

    /** Sets the body and headers of the exchange to reading number {@code CamelLoopIndex}. */
    public void next(Exchange exchange) {
        long seq = exchange.getProperty(Exchange.LOOP_INDEX, Integer.class);
        String meter = meter(seq);
        Message message = exchange.getMessage();
        message.setHeader("seq", seq);
        message.setHeader("meter", meter);
        message.setBody(json(seq, meter));
    }

    static String meter(long seq) {
        return "meter-" + (seq % METERS);
    }

    static String json(long seq, String meter) {
        double kwh = (seq * 7 % 1000) / 100.0;
        return String.format(Locale.ROOT, "{\"seq\":%d,\"meter\":\"%s\",\"kwh\":%.2f}", seq, meter, kwh);
    }
}
