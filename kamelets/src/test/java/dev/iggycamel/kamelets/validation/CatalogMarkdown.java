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
package dev.iggycamel.kamelets.validation;

import java.util.Map;
import java.util.TreeMap;

/** Renders {@code kamelets/CATALOG.md} from the catalog index. Never edit the Markdown by hand. */
final class CatalogMarkdown {

    private CatalogMarkdown() {}

    static String render(CatalogIndex index) {
        StringBuilder md = new StringBuilder();
        md.append(
                        "<!-- Generated from kamelets/catalog/targets/*.yaml by CatalogIndexTest: do not edit. Regenerate with\n")
                .append("     ./mvnw -B test -pl kamelets -Dtest=CatalogIndexTest -Dupdate.catalog=true -->\n")
                .append("# Catalog: Iggy to and from every seed target\n\n")
                .append(
                        "One row per seed target and direction. A **sink** moves data out of Iggy into the system, a **source**")
                .append(
                        " moves data from the system into Iggy. The level is what a test in this repository proves:\n\n")
                .append(
                        "- **L1**: the pipe passes the validator and loads in Camel into routes whose endpoints resolve,")
                .append(" with only the dependencies its Kamelets declare (`CatalogValidationTest`);\n")
                .append("- **L2**: end to end against a protocol-compatible stand-in (emulator or fake);\n")
                .append(
                        "- **L3**: end to end against the real server software (in the JVM from Maven Central, or a Debian")
                .append(" package started by `.ci/run`);\n")
                .append("- **none**: no pipe yet.\n\n")
                .append(
                        "End-to-end tests drive at least 1,000 messages through the pipe file itself and check every one at")
                .append(
                        " the other end; sink tests also take the target down and check that no offset is committed until")
                .append(" it is back and everything arrived.\n\n");

        Map<String, int[]> byCategory = new TreeMap<>(CatalogMarkdown::compareCategories);
        int[] firstTier = new int[CatalogIndex.LEVELS.size()];
        int[] total = new int[CatalogIndex.LEVELS.size()];
        for (CatalogIndex.Target target : index.targets()) {
            for (CatalogIndex.Row row : target.rows()) {
                int level = row.levelNumber();
                total[level]++;
                byCategory.computeIfAbsent(target.seedCategory(), k -> new int[CatalogIndex.LEVELS.size()])[level]++;
                if (target.firstTier()) {
                    firstTier[level]++;
                }
            }
        }
        md.append("## Summary\n\n| rows | ")
                .append(String.join(" | ", CatalogIndex.LEVELS))
                .append(" | total |\n")
                .append("|---|---|---|---|---|---|\n");
        md.append(countsRow("all " + index.targets().size() + " targets", total));
        md.append(countsRow("first tier", firstTier));
        md.append("\n### Per seed category\n\n| seed category | ")
                .append(String.join(" | ", CatalogIndex.LEVELS))
                .append(" | total |\n|---|---|---|---|---|---|\n");
        byCategory.forEach((category, counts) -> md.append(countsRow(category, counts)));

        md.append("\n## First tier\n\n");
        table(md, index, true);
        md.append("\n## All other targets\n\n");
        table(md, index, false);
        return md.toString();
    }

    private static void table(StringBuilder md, CatalogIndex index, boolean firstTier) {
        md.append(
                        "| target | seed category | priority | direction | level | pipe | Kamelets | components | proven by |")
                .append(" server | why below L3 |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (CatalogIndex.Target target : index.targets()) {
            if (target.firstTier() != firstTier) {
                continue;
            }
            for (CatalogIndex.Row row : target.rows()) {
                md.append("| ")
                        .append(target.name())
                        .append(" | ")
                        .append(target.seedCategory())
                        .append(" | ")
                        .append(target.seedPriority())
                        .append(" | ")
                        .append(row.direction())
                        .append(" | ")
                        .append(row.level())
                        .append(" | ")
                        .append(row.pipe() == null ? "" : "[" + row.pipe() + "](pipes/" + row.pipe() + ".pipe.yaml)")
                        .append(" | ")
                        .append(String.join(", ", row.kamelets()))
                        .append(" | ")
                        .append(String.join(", ", row.components()))
                        .append(" | ")
                        .append(row.test() == null ? "" : "`" + row.test() + "`")
                        .append(" | ")
                        .append(row.server() == null ? "" : row.server())
                        .append(" | ")
                        .append(row.reason() == null ? "" : row.reason())
                        .append(" |\n");
            }
        }
    }

    /** Seed section numbers in numeric order (4.2 before 4.10); categories without a number last. */
    static int compareCategories(String a, String b) {
        double x = sectionNumber(a);
        double y = sectionNumber(b);
        if (x != y) {
            return Double.compare(x, y);
        }
        return a.compareTo(b);
    }

    private static double sectionNumber(String category) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(category);
        return m.find() ? Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2)) : Double.MAX_VALUE;
    }

    private static String countsRow(String label, int[] counts) {
        StringBuilder row = new StringBuilder("| ").append(label);
        int sum = 0;
        for (int count : counts) {
            row.append(" | ").append(count);
            sum += count;
        }
        return row.append(" | ").append(sum).append(" |\n").toString();
    }
}
