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
package dev.iggycamel.component.transport.tcp;

import dev.iggycamel.component.transport.OutboundMessage;
import dev.iggycamel.component.transport.OutboundPartitioning;
import dev.iggycamel.component.transport.PolledBatch;
import dev.iggycamel.component.transport.TopicAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.MessageHeader;
import org.apache.iggy.message.MessageId;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.serde.BytesDeserializer;
import org.apache.iggy.serde.BytesSerializer;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fast path against the SDK's per-message work, per message of a batch of 1000: a SendMessages frame built by the
 * native codec ({@link WireCodec}) and as the SDK 0.8.0 builds it (each message serialized with
 * {@code BytesSerializer.toBytes(Message)} into the request, which its frame encoder copies once more); a polled
 * answer decoded by each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class WireCodecBenchmark {

    private static final int BATCH = 1000;
    private static final TopicAddress ADDRESS = new TopicAddress("bench", "codec");

    @Param({"100", "1000"})
    public int payloadSize;

    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
    private List<OutboundMessage> outbound;
    private List<Message> sdkMessages;
    private ByteBuf polled;

    @Setup(Level.Trial)
    public void prepare() {
        outbound = new ArrayList<>(BATCH);
        sdkMessages = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            byte[] payload = new byte[payloadSize];
            payload[0] = (byte) i;
            outbound.add(new OutboundMessage(payload, Map.of(), null, 1_763_000_000_000_000L));
            sdkMessages.add(new Message(
                    new MessageHeader(
                            BigInteger.ZERO,
                            MessageId.serverGenerated(),
                            BigInteger.ZERO,
                            BigInteger.ZERO,
                            BigInteger.valueOf(1_763_000_000_000_000L),
                            0L,
                            (long) payloadSize,
                            BigInteger.ZERO),
                    payload,
                    Collections.emptyMap()));
        }
        // a poll answer: [u32 partition][u64 current offset][u32 count] then the messages as the server stores them
        polled = Unpooled.buffer();
        polled.writeIntLE(0).writeLongLE(BATCH - 1).writeIntLE(BATCH);
        for (int i = 0; i < BATCH; i++) {
            polled.writeLongLE(0x1234_5678L * i)
                    .writeLongLE(i)
                    .writeLongLE(i + 1L)
                    .writeLongLE(i);
            polled.writeLongLE(1_763_000_000_000_000L).writeLongLE(1_763_000_000_000_000L);
            polled.writeIntLE(0).writeIntLE(payloadSize).writeLongLE(0);
            polled.writeZero(payloadSize);
        }
    }

    /** The native codec: one pooled buffer, each payload copied once. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int encodeNative() {
        ByteBuf frame = WireCodec.sendMessages(alloc, ADDRESS, OutboundPartitioning.balanced(), outbound);
        int size = frame.readableBytes();
        frame.release();
        return size;
    }

    /** As the SDK's MessagesTcpClient and IggyFrameEncoder do it, with the SDK's own serializer. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int encodeSdk() {
        ByteBuf payload = Unpooled.buffer();
        payload.writeIntLE(0);
        int position = 0;
        for (Message message : sdkMessages) {
            position += message.getSize();
            payload.writeIntLE(0);
            payload.writeIntLE(position);
            payload.writeZero(8);
        }
        for (Message message : sdkMessages) {
            payload.writeBytes(BytesSerializer.toBytes(message));
        }
        ByteBuf frame = alloc.buffer(8 + payload.readableBytes());
        frame.writeIntLE(4 + payload.readableBytes());
        frame.writeIntLE(101);
        frame.writeBytes(payload);
        int size = frame.readableBytes();
        payload.release();
        frame.release();
        return size;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public PolledBatch decodeNative() {
        return WireCodec.polledMessages(polled.duplicate());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public PolledMessages decodeSdk() {
        return BytesDeserializer.readPolledMessages(polled.duplicate());
    }
}
