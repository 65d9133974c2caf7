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
package dev.iggycamel.component;

import dev.iggycamel.component.transport.IggyHeaderValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Camel headers to typed Iggy user headers and back, for four headers (String, Long, Boolean, Integer) behind the
 * component's header filter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class HeaderMappingBenchmark {

    private DefaultCamelContext context;
    private IggyHeaderMapper mapper;
    private Exchange exchange;
    private Map<String, IggyHeaderValue> iggyHeaders;

    @Setup(Level.Trial)
    public void start() {
        context = new DefaultCamelContext();
        context.start();
        mapper = new IggyHeaderMapper(new IggyHeaderFilterStrategy(), IggyHeaderPolicy.fail);
        exchange = new DefaultExchange(context);
        Message message = exchange.getMessage();
        message.setHeader("device", "sensor-17");
        message.setHeader("reading", 4217L);
        message.setHeader("valid", Boolean.TRUE);
        message.setHeader("unit", 3);
        iggyHeaders = new LinkedHashMap<>(mapper.toIggy(message, exchange));
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.stop();
    }

    /** The exchange's four headers as Iggy user headers. */
    @Benchmark
    public Map<String, IggyHeaderValue> camelToIggy() {
        return mapper.toIggy(exchange.getMessage(), exchange);
    }

    /** Four Iggy user headers set, typed, on a new message. */
    @Benchmark
    public Message iggyToCamel() {
        Message message = new DefaultMessage(context);
        mapper.fromIggy(iggyHeaders, message, exchange);
        return message;
    }
}
