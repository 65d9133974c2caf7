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
package dev.iggycamel.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;

/**
 * Feeds a route from {@code senders} threads through Camel's asynchronous routing engine: each thread keeps up to
 * {@code window} exchanges outstanding (a new one goes when one completes), so a route that completes exchanges
 * asynchronously sees that many at once and a blocking one sees one per thread.
 */
final class ExchangeDriver {

    private final ExecutorService threads;

    /** @param threads a pool of at least as many threads as any call uses, alive across measurements */
    ExchangeDriver(ExecutorService threads) {
        this.threads = threads;
    }

    /**
     * Sends {@code exchanges} exchanges (split over the senders) into the endpoint and waits for all of them to
     * complete; returns how many failed.
     *
     * @param body the body of the i-th exchange
     */
    long send(Endpoint endpoint, long exchanges, int senders, int window, LongFunction<Object> body) throws Exception {
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        try {
            CountDownLatch done = new CountDownLatch(1);
            AtomicLong completed = new AtomicLong();
            LongAdder failed = new LongAdder();
            List<Future<?>> running = new ArrayList<>(senders);
            for (int s = 0; s < senders; s++) {
                long first = exchanges * s / senders;
                long end = exchanges * (s + 1) / senders;
                running.add(threads.submit(() -> {
                    Semaphore room = new Semaphore(window);
                    for (long i = first; i < end; i++) {
                        room.acquireUninterruptibly();
                        Exchange exchange = endpoint.createExchange();
                        exchange.getMessage().setBody(body.apply(i));
                        producer.process(exchange, doneSync -> {
                            if (exchange.getException() != null) {
                                failed.increment();
                            }
                            room.release();
                            if (completed.incrementAndGet() == exchanges) {
                                done.countDown();
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
            if (!done.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        "only " + completed.get() + " of " + exchanges + " exchanges completed in 120 s");
            }
            return failed.sum();
        } finally {
            producer.stop();
        }
    }
}
