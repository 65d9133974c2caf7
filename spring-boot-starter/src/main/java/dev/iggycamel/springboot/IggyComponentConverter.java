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
package dev.iggycamel.springboot;

import dev.iggycamel.component.IggyConfiguration;
import dev.iggycamel.component.transport.IggyTransport;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Turns a bean reference ({@code #name} or {@code #bean:name}) in a {@code camel.component.iggy.*} property into the
 * bean, for the options whose value is an object: {@code configuration}, {@code transport} and
 * {@code ssl-context-parameters}.
 */
@AutoConfiguration
@ConfigurationPropertiesBinding
public class IggyComponentConverter implements GenericConverter {

    /** The object-valued option types; SpringConfigurationMetadataTest checks this covers every such option. */
    static final Set<Class<?>> BEAN_TYPES =
            Set.of(IggyConfiguration.class, IggyTransport.class, SSLContextParameters.class);

    private final ApplicationContext applicationContext;

    public IggyComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return BEAN_TYPES.stream()
                .map(type -> new ConvertiblePair(String.class, type))
                .collect(Collectors.toSet());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString().trim();
        String name;
        if (reference.startsWith("#bean:")) {
            name = reference.substring("#bean:".length());
        } else if (reference.startsWith("#")) {
            name = reference.substring(1);
        } else {
            throw new IllegalArgumentException("'" + reference + "' is not a bean reference: a "
                    + targetType.getType().getSimpleName() + " property takes #beanName");
        }
        return applicationContext.getBean(name, targetType.getType());
    }
}
