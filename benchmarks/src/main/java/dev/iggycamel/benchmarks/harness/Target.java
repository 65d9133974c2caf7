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

/**
 * A goal from issue 5, checked against one run: a throughput ratio (scenario / baseline, both from the same round)
 * of at least, or above, a bound; or an allocation per message of at most the baseline's plus a margin.
 */
record Target(String goal, String scenario, String baseline, Kind kind, double bound) {

    enum Kind {
        /** Not a goal: a ratio shown for what it explains (a ceiling, another mode). */
        REFERENCE,
        RATIO_AT_LEAST,
        RATIO_ABOVE,
        ALLOCATION_AT_MOST_PLUS
    }

    static Target atLeast(String goal, String scenario, String baseline, double ratio) {
        return new Target(goal, scenario, baseline, Kind.RATIO_AT_LEAST, ratio);
    }

    static Target reference(String what, String scenario, String baseline) {
        return new Target(what, scenario, baseline, Kind.REFERENCE, 0);
    }

    static Target above(String goal, String scenario, String baseline, double ratio) {
        return new Target(goal, scenario, baseline, Kind.RATIO_ABOVE, ratio);
    }

    static Target allocation(String scenario, String baseline, double marginBytes) {
        return new Target(
                "allocation <= raw SDK + " + (int) marginBytes + " B/msg",
                scenario,
                baseline,
                Kind.ALLOCATION_AT_MOST_PLUS,
                marginBytes);
    }

    /** Whether the measured value (the median ratio, or the median allocation difference) meets the goal. */
    boolean met(double value) {
        return switch (kind) {
            case REFERENCE -> true;
            case RATIO_AT_LEAST -> value >= bound;
            case RATIO_ABOVE -> value > bound;
            case ALLOCATION_AT_MOST_PLUS -> value <= bound;
        };
    }

    String requirement() {
        return switch (kind) {
            case REFERENCE -> "(reference)";
            case RATIO_AT_LEAST -> ">= " + bound + "x";
            case RATIO_ABOVE -> "> " + bound + "x";
            case ALLOCATION_AT_MOST_PLUS -> "<= +" + (int) bound + " B/msg";
        };
    }
}
