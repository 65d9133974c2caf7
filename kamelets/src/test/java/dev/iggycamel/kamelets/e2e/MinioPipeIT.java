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
package dev.iggycamel.kamelets.e2e;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-minio and minio-to-iggy (the camel-kamelets minio-sink / minio-source over camel-minio and the MinIO Java
 * client 8.6) against S3Proxy in the JVM: there is no MinIO server in Debian or on Maven Central, and MinIO speaks the
 * S3 API, so the S3-compatible emulator stands in for it.
 */
class MinioPipeIT extends S3CompatiblePipeTestSupport {

    @Test
    @ProvesLevel(target = "minio", direction = "sink", level = 2, against = S3CompatibleServer.VERSION)
    void everyMessageBecomesAnObjectAndNothingIsCommittedWhileMinioIsDown() throws Exception {
        sinkScenario("iggy-to-minio", (bucket, endpoint) -> minioProperties("minio-sink", bucket, endpoint));
    }

    @Test
    @ProvesLevel(target = "minio", direction = "source", level = 2, against = S3CompatibleServer.VERSION)
    void everyObjectBecomesAMessageAndLeavesTheBucket() throws Exception {
        sourceScenario(
                "minio-to-iggy",
                "minio-objects",
                (bucket, endpoint) -> minioProperties("minio-source", bucket, endpoint),
                Duration.ofSeconds(90));
    }

    private static Map<String, String> minioProperties(String kamelet, String bucket, String endpoint) {
        return Map.of(
                kamelet + ".bucketName",
                bucket,
                kamelet + ".endpoint",
                endpoint,
                kamelet + ".accessKey",
                S3CompatibleServer.ACCESS_KEY,
                kamelet + ".secretKey",
                S3CompatibleServer.SECRET_KEY);
    }
}
