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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Everything one harness run measured, with the statistics and the markdown written to RESULTS.md. */
public final class HarnessReport {

    /** A scenario as the report names it. */
    public record ScenarioInfo(String id, String description, int payloadSize, long messagesPerRun) {}

    /** A target with its measured value: the median ratio (or allocation difference) and its spread. */
    public record TargetResult(Target target, Stats value, boolean met) {}

    private final Map<String, ScenarioInfo> scenarios = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    void scenario(Scenario scenario) {
        scenarios.put(
                scenario.id(),
                new ScenarioInfo(scenario.id(), scenario.description(), scenario.payloadSize(), scenario.messages()));
    }

    void add(Sample sample) {
        samples.add(sample);
    }

    void target(Target target) {
        targets.add(target);
    }

    void environment(String key, String value) {
        environment.put(key, value);
    }

    public Map<String, ScenarioInfo> scenarios() {
        return scenarios;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The measured samples of a scenario, one per round. */
    public List<Sample> samples(String scenario) {
        return samples.stream().filter(s -> s.scenario().equals(scenario)).toList();
    }

    public long messages(String scenario) {
        return samples(scenario).stream().mapToLong(Sample::messages).sum();
    }

    public long delivered(String scenario) {
        return samples(scenario).stream().mapToLong(Sample::delivered).sum();
    }

    public long lost(String scenario) {
        return samples(scenario).stream().mapToLong(Sample::lost).sum();
    }

    public long failures(String scenario) {
        return samples(scenario).stream().mapToLong(Sample::failures).sum();
    }

    Stats stat(String scenario, ToDoubleFunction<Sample> metric) {
        return Stats.of(samples(scenario).stream().mapToDouble(metric).toArray());
    }

    /** Per round: scenario msg/s divided by the baseline's msg/s of the same round. */
    public Stats ratio(String scenario, String baseline) {
        return perRound(scenario, baseline, (s, b) -> s.messagesPerSecond() / b.messagesPerSecond());
    }

    /** Per round: scenario CPU per message divided by the baseline's. */
    public Stats cpuRatio(String scenario, String baseline) {
        return perRound(scenario, baseline, (s, b) -> s.cpuNanosPerMessage() / b.cpuNanosPerMessage());
    }

    /** Per round: scenario allocation per message minus the baseline's. */
    public Stats allocationDifference(String scenario, String baseline) {
        return perRound(scenario, baseline, (s, b) -> s.allocatedBytesPerMessage() - b.allocatedBytesPerMessage());
    }

    private Stats perRound(String scenario, String baseline, java.util.function.ToDoubleBiFunction<Sample, Sample> f) {
        List<Double> values = new ArrayList<>();
        for (Sample s : samples(scenario)) {
            for (Sample b : samples(baseline)) {
                if (b.round() == s.round()) {
                    values.add(f.applyAsDouble(s, b));
                }
            }
        }
        return Stats.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public List<TargetResult> targets() {
        List<TargetResult> results = new ArrayList<>();
        for (Target target : targets) {
            if (!scenarios.containsKey(target.scenario()) || !scenarios.containsKey(target.baseline())) {
                continue;
            }
            Stats value = target.kind() == Target.Kind.ALLOCATION_AT_MOST_PLUS
                    ? allocationDifference(target.scenario(), target.baseline())
                    : ratio(target.scenario(), target.baseline());
            results.add(new TargetResult(target, value, target.met(value.median())));
        }
        return results;
    }

    /** The results as markdown: environment, one row per scenario, one row per target. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> entry : environment.entrySet()) {
            out.append("- ")
                    .append(entry.getKey())
                    .append(": ")
                    .append(entry.getValue())
                    .append('\n');
        }
        out.append("\n| scenario | what | msgs per round | msg/s median (min-max) | MB/s | CPU µs/msg | alloc B/msg |"
                + " lost | failed |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioInfo info : scenarios.values()) {
            Stats rate = stat(info.id(), Sample::messagesPerSecond);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %,d | %,.0f (%,.0f-%,.0f) | %.1f | %.2f | %.0f | %d | %d |%n",
                    info.id(),
                    info.description(),
                    info.messagesPerRun(),
                    rate.median(),
                    rate.min(),
                    rate.max(),
                    stat(info.id(), Sample::megabytesPerSecond).median(),
                    stat(info.id(), Sample::cpuNanosPerMessage).median() / 1000,
                    stat(info.id(), Sample::allocatedBytesPerMessage).median(),
                    lost(info.id()),
                    failures(info.id())));
        }
        out.append(
                "\n| target | scenario / baseline | required | measured: median (min-max) | CPU/msg ratio | met |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (TargetResult result : targets()) {
            Target target = result.target();
            boolean allocation = target.kind() == Target.Kind.ALLOCATION_AT_MOST_PLUS;
            String measured = allocation
                    ? String.format(
                            Locale.ROOT,
                            "%+.0f B/msg (%+.0f to %+.0f)",
                            result.value().median(),
                            result.value().min(),
                            result.value().max())
                    : String.format(
                            Locale.ROOT,
                            "%.2fx (%.2f-%.2f)",
                            result.value().median(),
                            result.value().min(),
                            result.value().max());
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s / %s | %s | %s | %s | %s |%n",
                    target.goal(),
                    target.scenario(),
                    target.baseline(),
                    target.requirement(),
                    measured,
                    allocation
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "%.2f",
                                    cpuRatio(target.scenario(), target.baseline())
                                            .median()),
                    target.kind() == Target.Kind.REFERENCE ? "" : result.met() ? "yes" : "**no**"));
        }
        return out.toString();
    }
}
