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
package dev.iggycamel.component.transport;

/**
 * What each request to the server is, in words: the start of the message of its failure, the same whichever
 * transport sent it.
 */
public final class IggyRequests {

    private IggyRequests() {}

    public static String connect(IggyConnectionSettings settings) {
        return "Cannot connect to Iggy at " + settings;
    }

    public static String send(TopicAddress address, OutboundPartitioning partitioning, int messages) {
        return "Cannot send " + messages + " message(s) to Iggy " + address + " (" + partitioning + ")";
    }

    public static String poll(TopicAddress address, ConsumerRef consumer) {
        return "Cannot poll Iggy " + address + " as " + consumer;
    }

    public static String storeOffset(TopicAddress address, ConsumerRef consumer, long partitionId, long offset) {
        return "Cannot store offset " + offset + " of partition " + partitionId + " of Iggy " + address + " for "
                + consumer;
    }

    public static String storedOffset(TopicAddress address, ConsumerRef consumer, long partitionId) {
        return "Cannot read the stored offset of partition " + partitionId + " of Iggy " + address + " for " + consumer;
    }

    public static String findStream(TopicAddress address) {
        return "Cannot look up Iggy stream " + address.stream();
    }

    public static String createStream(TopicAddress address) {
        return "Cannot create Iggy stream " + address.stream();
    }

    public static String findTopic(TopicAddress address) {
        return "Cannot look up Iggy topic " + address;
    }

    public static String createTopic(TopicAddress address) {
        return "Cannot create Iggy topic " + address;
    }

    public static String findGroup(TopicAddress address, String group) {
        return "Cannot look up Iggy consumer group " + group + " of " + address;
    }

    public static String createGroup(TopicAddress address, String group) {
        return "Cannot create Iggy consumer group " + group + " in " + address;
    }

    public static String joinGroup(TopicAddress address, String group) {
        return "Cannot join Iggy consumer group " + group + " of " + address;
    }

    public static String leaveGroup(TopicAddress address, String group) {
        return "Cannot leave Iggy consumer group " + group + " of " + address;
    }

    public static String ping(IggyConnectionSettings settings) {
        return "Cannot ping Iggy at " + settings.host() + ":" + settings.port();
    }
}
