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
package dev.iggycamel.embedded.broker;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of one partition in offset order, as stored batches of wire-format messages (64-byte header,
 * payload, user headers) whose offset, timestamp, id and checksum the broker already stamped. Batches live on the
 * heap, or in a file when the broker has a data directory (then only their index stays on the heap).
 */
final class PartitionLog implements AutoCloseable {

    static final int HEADER_SIZE = 64;
    static final int OFFSET_FIELD = 24;
    static final int TIMESTAMP_FIELD = 32;
    static final int USER_HEADERS_LENGTH_FIELD = 48;
    static final int PAYLOAD_LENGTH_FIELD = 52;

    /**
     * One appended batch: messages share its timestamp; {@code ends[i]} is where message i ends, counted from
     * {@code dataOffset} in {@code data} (heap) or from {@code filePosition} (file).
     */
    private static final class Batch {
        final long baseOffset;
        final long timestamp;
        final int[] ends;
        final byte[] data;
        final int dataOffset;
        final long filePosition;

        Batch(long baseOffset, long timestamp, int[] ends, byte[] data, int dataOffset, long filePosition) {
            this.baseOffset = baseOffset;
            this.timestamp = timestamp;
            this.ends = ends;
            this.data = data;
            this.dataOffset = dataOffset;
            this.filePosition = filePosition;
        }

        int count() {
            return ends.length;
        }

        int start(int index) {
            return index == 0 ? 0 : ends[index - 1];
        }

        int size() {
            return ends[ends.length - 1];
        }
    }

    private final List<Batch> batches = new ArrayList<>();
    private final FileChannel file;
    private final MemoryBudget budget;
    private long messagesCount;
    private long sizeBytes;
    private long heapBytes;

    private PartitionLog(FileChannel file, MemoryBudget budget) {
        this.file = file;
        this.budget = budget;
    }

    static PartitionLog inMemory(MemoryBudget budget) {
        return new PartitionLog(null, budget);
    }

    /** Opens (or creates) a log file, rebuilding the index from the messages it holds. */
    static PartitionLog inFile(Path path, MemoryBudget budget) {
        try {
            FileChannel channel = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            PartitionLog log = new PartitionLog(channel, budget);
            log.recover();
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open partition log " + path, e);
        }
    }

    synchronized long messagesCount() {
        return messagesCount;
    }

    synchronized long sizeBytes() {
        return sizeBytes;
    }

    /** The last assigned offset, 0 while the partition is empty (as the server reports it). */
    synchronized long currentOffset() {
        return messagesCount == 0 ? 0 : messagesCount - 1;
    }

    /** The offset the next appended message gets. */
    synchronized long nextOffset() {
        return messagesCount;
    }

    /**
     * Appends messages whose offsets start at {@link #nextOffset()}, held in {@code data} from {@code offset}; the
     * caller stamped them under this log's lock. On the heap the log keeps {@code data} itself. Returns false, storing
     * nothing, when the memory bound would be passed.
     */
    synchronized boolean append(byte[] data, int offset, int[] ends, long timestamp) {
        int size = ends[ends.length - 1];
        long filePosition = -1;
        byte[] kept = data;
        long reserve = file == null ? data.length + 4L * ends.length + 64 : 4L * ends.length + 64;
        if (!budget.tryReserve(reserve)) {
            return false;
        }
        if (file != null) {
            try {
                filePosition = file.size();
                ByteBuffer buffer = ByteBuffer.wrap(data, offset, size);
                long position = filePosition;
                while (buffer.hasRemaining()) {
                    position += file.write(buffer, position);
                }
            } catch (IOException e) {
                budget.release(reserve);
                throw new UncheckedIOException("cannot append to partition log", e);
            }
            kept = null;
        }
        batches.add(new Batch(messagesCount, timestamp, ends, kept, offset, filePosition));
        heapBytes += reserve;
        messagesCount += ends.length;
        sizeBytes += size;
        return true;
    }

    /** Writes up to {@code maxCount} messages starting at {@code startOffset} into {@code out}; returns how many. */
    synchronized int read(long startOffset, long maxCount, ByteBuf out) {
        if (startOffset < 0 || startOffset >= messagesCount || maxCount <= 0) {
            return 0;
        }
        int batchIndex = batchIndexOf(startOffset);
        long remaining = Math.min(maxCount, messagesCount - startOffset);
        int written = 0;
        long offset = startOffset;
        while (remaining > 0 && batchIndex < batches.size()) {
            Batch batch = batches.get(batchIndex);
            int first = (int) (offset - batch.baseOffset);
            int last = (int) Math.min(batch.count(), first + remaining);
            int from = batch.start(first);
            int to = batch.ends[last - 1];
            copy(batch, from, to - from, out);
            int taken = last - first;
            written += taken;
            remaining -= taken;
            offset += taken;
            batchIndex++;
        }
        return written;
    }

    /** Bytes that {@link #read} would write for the same arguments, to size the response buffer up front. */
    synchronized long readSize(long startOffset, long maxCount) {
        if (startOffset < 0 || startOffset >= messagesCount || maxCount <= 0) {
            return 0;
        }
        int batchIndex = batchIndexOf(startOffset);
        long remaining = Math.min(maxCount, messagesCount - startOffset);
        long bytes = 0;
        long offset = startOffset;
        while (remaining > 0 && batchIndex < batches.size()) {
            Batch batch = batches.get(batchIndex);
            int first = (int) (offset - batch.baseOffset);
            int last = (int) Math.min(batch.count(), first + remaining);
            bytes += batch.ends[last - 1] - batch.start(first);
            remaining -= last - first;
            offset += last - first;
            batchIndex++;
        }
        return bytes;
    }

    /** The first offset whose timestamp is at or after {@code timestampMicros}, or -1 if there is none. */
    synchronized long firstOffsetAtOrAfter(long timestampMicros) {
        int low = 0;
        int high = batches.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(batches.get(mid).timestamp, timestampMicros) >= 0) {
                found = mid;
                high = mid - 1;
            } else {
                low = mid + 1;
            }
        }
        return found < 0 ? -1 : batches.get(found).baseOffset;
    }

    synchronized long lastTimestamp() {
        return batches.isEmpty() ? 0 : batches.get(batches.size() - 1).timestamp;
    }

    /** Drops every message and gives the memory back; the log stays usable (offsets restart at 0). */
    synchronized void clear() {
        batches.clear();
        budget.release(heapBytes);
        heapBytes = 0;
        messagesCount = 0;
        sizeBytes = 0;
        if (file != null) {
            try {
                file.truncate(0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot truncate partition log", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        budget.release(heapBytes);
        heapBytes = 0;
        batches.clear();
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close partition log", e);
            }
        }
    }

    private int batchIndexOf(long offset) {
        int low = 0;
        int high = batches.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (batches.get(mid).baseOffset <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private void copy(Batch batch, int from, int length, ByteBuf out) {
        if (batch.data != null) {
            out.writeBytes(batch.data, batch.dataOffset + from, length);
            return;
        }
        try {
            long position = batch.filePosition + from;
            int left = length;
            while (left > 0) {
                int read = out.writeBytes(file, position, left);
                if (read < 0) {
                    throw new IOException("partition log ends before message data at " + position);
                }
                position += read;
                left -= read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read partition log", e);
        }
    }

    /** Rebuilds the index from the file: consecutive messages with the same timestamp form one batch. */
    private void recover() throws IOException {
        long fileSize = file.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long position = 0;
        long batchStart = 0;
        long batchTimestamp = 0;
        List<Integer> ends = new ArrayList<>();
        while (position + HEADER_SIZE <= fileSize) {
            header.clear();
            while (header.hasRemaining()) {
                if (file.read(header, position + header.position()) < 0) {
                    break;
                }
            }
            long offset = header.getLong(OFFSET_FIELD);
            long timestamp = header.getLong(TIMESTAMP_FIELD);
            long size = HEADER_SIZE
                    + Integer.toUnsignedLong(header.getInt(USER_HEADERS_LENGTH_FIELD))
                    + Integer.toUnsignedLong(header.getInt(PAYLOAD_LENGTH_FIELD));
            if (position + size > fileSize || offset != messagesCount + ends.size()) {
                break; // a torn write at the end of the file: drop it
            }
            if (!ends.isEmpty() && timestamp != batchTimestamp) {
                addRecovered(batchStart, batchTimestamp, ends);
                batchStart = position;
                ends.clear();
            }
            if (ends.isEmpty()) {
                batchStart = position;
                batchTimestamp = timestamp;
            }
            ends.add((int) (position + size - batchStart));
            position += size;
        }
        if (!ends.isEmpty()) {
            addRecovered(batchStart, batchTimestamp, ends);
        }
        if (position < fileSize) {
            file.truncate(position);
        }
    }

    private void addRecovered(long filePosition, long timestamp, List<Integer> ends) {
        int[] array = ends.stream().mapToInt(Integer::intValue).toArray();
        long reserve = 4L * array.length + 64;
        budget.tryReserve(reserve);
        heapBytes += reserve;
        batches.add(new Batch(messagesCount, timestamp, array, null, 0, filePosition));
        messagesCount += array.length;
        sizeBytes += array[array.length - 1];
    }
}
