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

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import dev.iggycamel.kamelets.Pipes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.exporter.internal.http.HttpExporterBuilder;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-otlp-logs and otlp-logs-to-iggy. No OpenTelemetry collector runs here: the sink is checked by an in-JVM
 * OTLP/HTTP receiver that parses every request with the OTLP protobuf classes (JsonFormat, strict), the source is fed
 * by the OpenTelemetry Java SDK's own OTLP/HTTP log exporter (in JSON mode).
 */
class OtlpLogsPipeIT extends PipeTestSupport {

    private static final int N = 1000;

    private final List<LogRecord> received = Collections.synchronizedList(new ArrayList<>());
    private final List<String> services = Collections.synchronizedList(new ArrayList<>());
    private HttpStandIn receiver;
    private CamelContext sourceContext;

    /** An OTLP/HTTP JSON logs receiver: parses each request strictly, answers 200 {} like a collector. */
    private void receive(HttpExchange exchange) throws IOException {
        int status = 200;
        try {
            assertThat(exchange.getRequestMethod()).isEqualTo("POST");
            assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json");
            ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
            JsonFormat.parser()
                    .merge(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), request);
            for (ResourceLogs resource : request.getResourceLogsList()) {
                for (ScopeLogs scope : resource.getScopeLogsList()) {
                    for (LogRecord record : scope.getLogRecordsList()) {
                        services.add(attribute(resource.getResource().getAttributesList(), "service.name"));
                        received.add(record);
                    }
                }
            }
        } catch (Throwable e) {
            status = 400;
        }
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @AfterEach
    void stopServers() {
        if (receiver != null) {
            receiver.close();
        }
        if (sourceContext != null) {
            sourceContext.stop();
        }
    }

    @Test
    @ProvesLevel(
            target = "opentelemetry-otlp",
            direction = "sink",
            level = 2,
            against = "in-JVM OTLP/HTTP JSON receiver parsing with opentelemetry-proto 1.3.2 (JsonFormat)")
    void everyRecordArrivesAndNothingIsCommittedWhileTheReceiverIsDown() throws Exception {
        receiver = new HttpStandIn("/v1/logs", this::receive);
        String stream = unique("otlp");
        new SinkOutageScenario(this, "iggy-to-otlp-logs", stream)
                .topic("logs")
                .sending(OtlpLogsPipeIT::lines)
                .sinkProperty("otlp-logs-sink.url", "http://127.0.0.1:" + receiver.port() + "/v1/logs")
                .outage(receiver)
                .outageLasts(Duration.ofSeconds(2))
                .arrivedCount(received::size)
                .assertArrived(count -> {
                    assertThat(received).hasSize(count);
                    for (int i = 0; i < count; i++) {
                        LogRecord record = received.get(i);
                        assertThat(record.getBody().getStringValue()).isEqualTo("line " + i + ": something happened");
                        assertThat(record.getSeverityText()).isEqualTo("INFO");
                        assertThat(record.getSeverityNumberValue()).isEqualTo(9);
                        assertThat(record.getTimeUnixNano()).isPositive();
                        assertThat(attribute(record.getAttributesList(), "iggy.stream"))
                                .isEqualTo(stream);
                        assertThat(attribute(record.getAttributesList(), "iggy.offset"))
                                .isEqualTo(Integer.toString(i));
                    }
                    assertThat(services).containsOnly("iggy");
                })
                .run();
    }

    @Test
    @ProvesLevel(
            target = "opentelemetry-otlp",
            direction = "source",
            level = 2,
            against = "OpenTelemetry Java SDK 1.57.0 OTLP/HTTP log exporter (JSON) as the client")
    void everyRecordTheSdkExportsArrivesInIggy() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String stream = unique("otlp");
        sourceContext = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(port);
        sourceContext.addService(new VertxPlatformHttpServer(http));
        Pipes.load(sourceContext, iggyProperties("iggy-sink", stream, "logs"), pipe("otlp-logs-to-iggy"));
        sourceContext.start();

        OtlpHttpLogRecordExporterBuilder builder =
                OtlpHttpLogRecordExporter.builder().setEndpoint("http://127.0.0.1:" + port + "/v1/logs");
        jsonMode(builder);
        SdkLoggerProvider provider = SdkLoggerProvider.builder()
                .setResource(Resource.getDefault()
                        .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "otlp-it"))))
                .addLogRecordProcessor(BatchLogRecordProcessor.builder(builder.build())
                        .setMaxExportBatchSize(100)
                        .setScheduleDelay(Duration.ofMillis(100))
                        .build())
                .build();
        long started = System.nanoTime();
        try {
            Logger logger = provider.get("otlp-logs-pipe-it");
            for (int i = 0; i < N; i++) {
                logger.logRecordBuilder()
                        .setBody("record " + i)
                        .setSeverity(i % 2 == 0 ? Severity.INFO : Severity.WARN)
                        .setAttribute(AttributeKey.longKey("n"), (long) i)
                        .emit();
            }
            assertThat(provider.forceFlush().join(60, TimeUnit.SECONDS).isSuccess())
                    .as("the SDK exported every batch with success")
                    .isTrue();
        } finally {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }

        List<Message> messages = awaitInIggy(stream, "logs", N, Duration.ofSeconds(30));
        System.out.printf("otlp logs source: %d records in %d ms%n", N, (System.nanoTime() - started) / 1_000_000);
        assertThat(messages).hasSize(N);
        for (int i = 0; i < N; i++) {
            ExportLogsServiceRequest.Builder one = ExportLogsServiceRequest.newBuilder();
            JsonFormat.parser().merge(new String(messages.get(i).payload(), StandardCharsets.UTF_8), one);
            assertThat(one.getResourceLogsCount()).isEqualTo(1);
            ResourceLogs resource = one.getResourceLogs(0);
            assertThat(attribute(resource.getResource().getAttributesList(), "service.name"))
                    .isEqualTo("otlp-it");
            assertThat(resource.getScopeLogs(0).getScope().getName()).isEqualTo("otlp-logs-pipe-it");
            assertThat(resource.getScopeLogs(0).getLogRecordsCount()).isEqualTo(1);
            LogRecord record = resource.getScopeLogs(0).getLogRecords(0);
            assertThat(record.getBody().getStringValue()).isEqualTo("record " + i);
            assertThat(record.getSeverityNumberValue()).isEqualTo(i % 2 == 0 ? 9 : 13);
            assertThat(attribute(record.getAttributesList(), "n")).isEqualTo(Integer.toString(i));
            assertThat(record.getTimeUnixNano() + record.getObservedTimeUnixNano())
                    .isPositive();
            assertThat(messages.get(i).userHeaders().toString()).contains("otlp-it");
        }
    }

    /**
     * The SDK's OTLP/HTTP exporter speaks protobuf unless told otherwise; JSON is switched on through its internal
     * builder (opentelemetry-exporter-common 1.57.0, HttpExporterBuilder.exportAsJson()).
     */
    private static void jsonMode(OtlpHttpLogRecordExporterBuilder builder) throws Exception {
        Field delegate = OtlpHttpLogRecordExporterBuilder.class.getDeclaredField("delegate");
        delegate.setAccessible(true);
        ((HttpExporterBuilder<?>) delegate.get(builder)).exportAsJson();
    }

    private static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream()
                .filter(attribute -> attribute.getKey().equals(key))
                .map(attribute -> attribute.getValue().hasIntValue()
                        ? Long.toString(attribute.getValue().getIntValue())
                        : attribute.getValue().getStringValue())
                .collect(Collectors.joining());
    }

    private static List<Message> lines(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of("line " + i + ": something happened"))
                .toList();
    }
}
