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

import dev.iggycamel.component.transport.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The producer's hot path without a wire, per message: an exchange becoming an Iggy message (body and typed
 * headers), a List body becoming 1000 messages, and exchanges going through {@link IggyProducer} and the batch
 * accumulator into frames that an {@link AcknowledgingTransport} acknowledges. (In the component's package: the
 * converter is package-private.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class ProducerPathBenchmark {

    private static final int BATCH = 1000;

    /** Camel headers on the exchange that become Iggy user headers. */
    @Param({"0", "4"})
    public int headers;

    private DefaultCamelContext context;
    private AcknowledgingTransport transport;
    private IggyEndpoint endpoint;
    private IggyOutboundConverter converter;
    private IggyProducer producer;
    private Exchange single;
    private Exchange list;
    private byte[][] payloads;

    @Setup(Level.Trial)
    public void start() throws Exception {
        transport = new AcknowledgingTransport();
        context = new DefaultCamelContext();
        IggyComponent component = new IggyComponent();
        component.setTransport(transport);
        context.addComponent("iggy", component);
        context.start();
        endpoint = context.getEndpoint("iggy:bench/producer?maxInFlight=1", IggyEndpoint.class);
        converter = new IggyOutboundConverter(endpoint);
        producer = (IggyProducer) endpoint.createProducer();
        producer.start();
        payloads = new byte[BATCH][];
        List<byte[]> body = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            payloads[i] = new byte[100];
            payloads[i][0] = (byte) i;
            body.add(payloads[i]);
        }
        single = exchange(payloads[0]);
        list = exchange(body);
    }

    @TearDown(Level.Trial)
    public void stop() {
        producer.stop();
        context.stop();
        transport.close();
    }

    private Exchange exchange(Object body) {
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(body);
        addHeaders(exchange);
        return exchange;
    }

    private void addHeaders(Exchange exchange) {
        if (headers > 0) {
            exchange.getMessage().setHeader("device", "sensor-17");
            exchange.getMessage().setHeader("reading", 4217L);
            exchange.getMessage().setHeader("valid", Boolean.TRUE);
            exchange.getMessage().setHeader("unit", 3);
        }
    }

    /** One exchange with a 100 B byte[] body: its message (payload, typed headers, origin timestamp). */
    @Benchmark
    public List<OutboundMessage> exchangeToMessage() throws Exception {
        return converter.messages(single);
    }

    /** A List body of 1000 payloads: its messages, per message. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<OutboundMessage> listBodyToMessages() throws Exception {
        return converter.messages(list);
    }

    /**
     * 1000 exchanges of one message each through the producer: converted, queued, cut into frames (one in flight),
     * acknowledged and completed, per exchange.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batchAccumulation() throws Exception {
        CountDownLatch done = new CountDownLatch(BATCH);
        for (int i = 0; i < BATCH; i++) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(payloads[i]);
            addHeaders(exchange);
            producer.process(exchange, doneSync -> done.countDown());
        }
        if (!done.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("exchanges not acknowledged: " + done.getCount());
        }
    }
}
