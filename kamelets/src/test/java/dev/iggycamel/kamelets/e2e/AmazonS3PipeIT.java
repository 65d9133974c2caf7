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
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-s3 and s3-to-iggy (the camel-kamelets aws-s3-sink / aws-s3-source over camel-aws2-s3 and the AWS SDK v2)
 * against S3Proxy in the JVM, an S3-compatible emulator: one object per message, named by the message's file header.
 */
class AmazonS3PipeIT extends S3CompatiblePipeTestSupport {

    @Test
    @ProvesLevel(target = "amazon-s3", direction = "sink", level = 2, against = S3CompatibleServer.VERSION)
    void everyMessageBecomesAnObjectAndNothingIsCommittedWhileS3IsDown() throws Exception {
        sinkScenario("iggy-to-s3", (bucket, endpoint) -> s3Properties("aws-s3-sink", bucket, endpoint));
    }

    @Test
    @ProvesLevel(target = "amazon-s3", direction = "source", level = 2, against = S3CompatibleServer.VERSION)
    void everyObjectBecomesAMessageAndLeavesTheBucket() throws Exception {
        sourceScenario(
                "s3-to-iggy",
                "s3-objects",
                (bucket, endpoint) -> s3Properties("aws-s3-source", bucket, endpoint),
                Duration.ofSeconds(60));
    }

    private static Map<String, String> s3Properties(String kamelet, String bucket, String endpoint) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(kamelet + ".bucketNameOrArn", bucket);
        properties.put(kamelet + ".region", S3CompatibleServer.REGION);
        properties.put(kamelet + ".accessKey", S3CompatibleServer.ACCESS_KEY);
        properties.put(kamelet + ".secretKey", S3CompatibleServer.SECRET_KEY);
        properties.put(kamelet + ".uriEndpointOverride", endpoint);
        return properties;
    }
}
