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

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Wall time, process CPU time and heap bytes allocated between a start and a stop. Allocation is the sum of
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes} over the threads alive at the stop (minus what
 * they had allocated at the start): a thread that ends inside the window is not counted, so the harness keeps its
 * pools alive across a measurement.
 */
final class Meter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static {
        if (THREADS.isThreadAllocatedMemorySupported()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
    }

    /** What was measured. */
    record Reading(long nanos, long cpuNanos, long allocatedBytes) {}

    private final long startNanos;
    private final long startCpu;
    private final Map<Long, Long> startAllocated;

    private Meter(long startNanos, long startCpu, Map<Long, Long> startAllocated) {
        this.startNanos = startNanos;
        this.startCpu = startCpu;
        this.startAllocated = startAllocated;
    }

    static Meter start() {
        Map<Long, Long> allocated = allocatedByThread();
        long cpu = OS.getProcessCpuTime();
        return new Meter(System.nanoTime(), cpu, allocated);
    }

    Reading stop() {
        long nanos = System.nanoTime() - startNanos;
        long cpu = OS.getProcessCpuTime() - startCpu;
        long allocated = 0;
        for (Map.Entry<Long, Long> thread : allocatedByThread().entrySet()) {
            allocated += thread.getValue() - startAllocated.getOrDefault(thread.getKey(), 0L);
        }
        return new Reading(nanos, cpu, allocated);
    }

    private static Map<Long, Long> allocatedByThread() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                byThread.put(ids[i], bytes[i]);
            }
        }
        return byThread;
    }
}
