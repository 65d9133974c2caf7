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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The head every YAML resource of the catalog shares, Kamelet or Pipe: the license block first, apiVersion
 * camel.apache.org/v1, the resource's kind, and a file named after metadata.name.
 */
final class ResourceHeadRule {

    static final String API_VERSION = "camel.apache.org/v1";

    private ResourceHeadRule() {}

    /** Checks the head of the file (kind Kamelet or Pipe, name + fileSuffix) and returns the parsed document. */
    static Map<String, Object> validate(Path file, String kind, String fileSuffix, Violations v) throws Exception {
        v.check(
                Files.readString(file).startsWith("# ----"),
                file,
                "license-header",
                "must open with the license block");
        Map<String, Object> doc = Yaml.load(file);
        String name = Yaml.text(doc, "metadata", "name");
        v.check(API_VERSION.equals(doc.get("apiVersion")), file, "api-version", "must be " + API_VERSION);
        v.check(kind.equals(doc.get("kind")), file, "kind", "must be " + kind);
        v.check(
                name != null && file.getFileName().toString().equals(name + fileSuffix),
                file,
                "file-name",
                "must be metadata.name + " + fileSuffix + ", metadata.name is " + name);
        return doc;
    }
}
