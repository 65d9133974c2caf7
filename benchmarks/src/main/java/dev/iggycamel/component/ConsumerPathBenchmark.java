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
import dev.iggycamel.component.transport.IggyMessageId;
import dev.iggycamel.component.transport.InboundMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** A consumed Iggy message becoming an exchange: body, the component's headers and the typed user headers. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class ConsumerPathBenchmark {

    /** Iggy user headers on the message. */
    @Param({"0", "4"})
    public int headers;

    private DefaultCamelContext context;
    private IggyEndpoint endpoint;
    private IggyInboundConverter converter;
    private InboundMessage message;

    @Setup(Level.Trial)
    public void start() {
        context = new DefaultCamelContext();
        IggyComponent component = new IggyComponent();
        component.setTransport(new AcknowledgingTransport());
        context.addComponent("iggy", component);
        context.start();
        endpoint = context.getEndpoint("iggy:bench/consumer?consumerGroup=bench", IggyEndpoint.class);
        converter = new IggyInboundConverter(endpoint);
        Map<String, IggyHeaderValue> userHeaders = new LinkedHashMap<>();
        if (headers > 0) {
            userHeaders.put("device", IggyHeaderMapper.encode("sensor-17"));
            userHeaders.put("reading", IggyHeaderMapper.encode(4217L));
            userHeaders.put("valid", IggyHeaderMapper.encode(Boolean.TRUE));
            userHeaders.put("unit", IggyHeaderMapper.encode(3));
        }
        message = new InboundMessage(
                123_456L,
                1_763_000_000_000_000L,
                1_763_000_000_000_000L,
                new IggyMessageId(0x1234_5678_9abc_def0L, 0x0fed_cba9_8765_4321L),
                0L,
                new byte[100],
                userHeaders);
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.stop();
    }

    /** A new exchange filled from the message, as the poll task creates one per message. */
    @Benchmark
    public Exchange messageToExchange() {
        Exchange exchange = endpoint.createExchange();
        converter.fill(exchange, message, 3);
        return exchange;
    }
}
