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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3Proxy (org.gaul:s3proxy, Maven Central) in the JVM: the S3 REST API with AWS signature v2/v4 authentication, over
 * jclouds' in-memory ("transient") blob store. An S3-compatible emulator, not Amazon S3 or MinIO: hence L2.
 */
final class S3CompatibleServer implements AutoCloseable {

    static final String ACCESS_KEY = "iggy";
    static final String SECRET_KEY = "iggy-secret-key";
    static final String REGION = "us-east-1";
    static final String VERSION = "S3Proxy 3.0.0 (jclouds 2.7.0 transient blob store)";

    private final BlobStoreContext blobs;
    private final S3Proxy proxy;
    private final S3Client client;

    S3CompatibleServer() throws Exception {
        // AWS SDK 2.30+ adds CRC checksums to uploads in aws-chunked bodies with trailers; over plain HTTP it signs
        // them as STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, which S3Proxy does not decode. The SDK's documented
        // switch for S3-compatible servers (env AWS_REQUEST_CHECKSUM_CALCULATION) sends checksums only when the
        // operation requires them; it is read when a client is built, so it applies to the pipe's client as well.
        System.setProperty("aws.requestChecksumCalculation", "when_required");
        System.setProperty("aws.responseChecksumValidation", "when_required");
        blobs = ContextBuilder.newBuilder("transient")
                .credentials("unused", "unused")
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        client = S3Client.builder()
                .endpointOverride(URI.create(endpoint()))
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    int port() {
        return proxy.getPort();
    }

    String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    void createBucket(String bucket) {
        client.createBucket(b -> b.bucket(bucket));
    }

    void put(String bucket, String key, String content) {
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    List<String> keys(String bucket) {
        return client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    /** Every object of the bucket, key to content. */
    Map<String, String> objects(String bucket) {
        Map<String, String> objects = new TreeMap<>();
        for (String key : keys(bucket)) {
            objects.put(
                    key, client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8));
        }
        return objects;
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
        blobs.close();
    }
}
