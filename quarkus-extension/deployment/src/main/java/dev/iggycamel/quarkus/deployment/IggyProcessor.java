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
package dev.iggycamel.quarkus.deployment;

import dev.iggycamel.component.IggyCommitMode;
import dev.iggycamel.component.IggyComponent;
import dev.iggycamel.component.IggyConfiguration;
import dev.iggycamel.component.IggyEndpoint;
import dev.iggycamel.component.IggyHeaderPolicy;
import dev.iggycamel.component.IggyPartitioning;
import dev.iggycamel.component.IggyPollingStrategy;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Produce;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import io.quarkus.deployment.pkg.steps.NativeOrNativeSourcesBuild;
import java.util.List;
import java.util.Set;
import org.jboss.jandex.ClassInfo;
import org.jboss.logging.Logger;

/** The build steps of the Camel Quarkus Iggy extension, apart from dev services. */
class IggyProcessor {

    static final String FEATURE = "camel-iggy";

    private static final Logger LOG = Logger.getLogger(IggyProcessor.class);

    /** The packages of the Iggy SDK's data classes, which its HTTP client (de)serializes with Jackson 3. */
    private static final Set<String> SDK_DTO_PACKAGES = Set.of(
            "org.apache.iggy.consumergroup",
            "org.apache.iggy.consumeroffset",
            "org.apache.iggy.identifier",
            "org.apache.iggy.message",
            "org.apache.iggy.partition",
            "org.apache.iggy.personalaccesstoken",
            "org.apache.iggy.stream",
            "org.apache.iggy.system",
            "org.apache.iggy.topic",
            "org.apache.iggy.user");

    private static final String SDK_HTTP_PACKAGE = "org.apache.iggy.client.blocking.http";

    /**
     * Netty 4.2 classes the SDK's TCP client reaches whose static initializers read the CPU count or io.netty.*
     * system properties of the machine they run on (Netty 4.2's default allocator is the adaptive one); Quarkus'
     * Netty extension, written for Netty 4.1, does not know them.
     */
    private static final List<String> NETTY_42_RUNTIME_INITIALIZED = List.of(
            "io.netty.buffer.AdaptiveByteBufAllocator",
            "io.netty.buffer.AdaptivePoolingAllocator",
            "io.netty.channel.nio.NioIoHandler");

    @BuildStep
    FeatureBuildItem feature() {
        // fail the build, not the first connect: on Netty 4.1 the SDK dies with NoClassDefFoundError
        NettyVersionCheck.requireNetty42(Thread.currentThread().getContextClassLoader());
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    void indexDependencies(BuildProducer<IndexDependencyBuildItem> indexDependencies) {
        // camel-iggy: Camel Quarkus discovers components, configurers and URI factories in indexed archives only
        indexDependencies.produce(new IndexDependencyBuildItem("dev.iggycamel", "camel-iggy"));
        indexDependencies.produce(new IndexDependencyBuildItem("org.apache.iggy", "iggy"));
    }

    @BuildStep
    void registerComponentForReflection(BuildProducer<ReflectiveClassBuildItem> reflectiveClasses) {
        // IggyConfigurationValidator reads IggyConfiguration's fields and their @UriParam reflectively
        reflectiveClasses.produce(
                ReflectiveClassBuildItem.builder(IggyComponent.class, IggyEndpoint.class, IggyConfiguration.class)
                        .methods()
                        .fields()
                        .reason(FEATURE)
                        .build());
        reflectiveClasses.produce(ReflectiveClassBuildItem.builder(
                        IggyCommitMode.class, IggyPollingStrategy.class, IggyPartitioning.class, IggyHeaderPolicy.class)
                .methods()
                .fields()
                .reason(FEATURE + ": enum options converted from text")
                .build());
    }

    @BuildStep
    void registerSdkForReflection(
            CombinedIndexBuildItem combinedIndex, BuildProducer<ReflectiveClassBuildItem> reflectiveClasses) {
        String[] jacksonTypes = combinedIndex.getIndex().getKnownClasses().stream()
                .filter(IggyProcessor::isJacksonMapped)
                .map(type -> type.name().toString())
                .sorted()
                .toArray(String[]::new);
        reflectiveClasses.produce(ReflectiveClassBuildItem.builder(jacksonTypes)
                .constructors()
                .methods()
                .fields()
                .reason(FEATURE + ": Iggy SDK classes mapped by Jackson 3")
                .build());
        // the SDK's Netty handlers need nothing: quarkus-netty makes ChannelHandlerMask skip its reflective look-ups
    }

    private static boolean isJacksonMapped(ClassInfo type) {
        String packageName = type.name().packagePrefix();
        if (SDK_DTO_PACKAGES.contains(packageName)) {
            return true;
        }
        String simpleName = type.name().withoutPackagePrefix();
        return SDK_HTTP_PACKAGE.equals(packageName)
                && (simpleName.endsWith("Mixin") || simpleName.endsWith("Serializer"));
    }

    @BuildStep
    void runtimeInitializedNettyClasses(BuildProducer<RuntimeInitializedClassBuildItem> runtimeInitialized) {
        NETTY_42_RUNTIME_INITIALIZED.forEach(
                name -> runtimeInitialized.produce(new RuntimeInitializedClassBuildItem(name)));
    }

    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    @Produce(ServiceStartBuildItem.class)
    void warnNativeUntested() {
        LOG.warnf(
                "The %s extension is configured for native mode but was not tested in it: the Iggy SDK needs Netty"
                        + " 4.2, and the GraalVM substitutions of quarkus-netty were written for Netty 4.1 (see"
                        + " quarkus-extension/README.md, Native mode)",
                FEATURE);
    }

    @BuildStep
    ExtensionSslNativeSupportBuildItem activateSslNativeSupport() {
        // TLS connections (tls, tlsCertificate, sslContextParameters) need the SSL support in the native image
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }
}
