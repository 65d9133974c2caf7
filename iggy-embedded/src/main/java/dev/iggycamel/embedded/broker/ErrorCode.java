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
package dev.iggycamel.embedded.broker;

/**
 * The error codes the Iggy 0.8 server sends in the status field of a response. The numbers are the server's
 * ({@code IggyError} discriminants), not the Java SDK's names, which are out of sync for several codes.
 */
public enum ErrorCode {
    ERROR(1),
    INVALID_COMMAND(3),
    INVALID_FORMAT(4),
    FEATURE_UNAVAILABLE(5),
    INVALID_IDENTIFIER(6),
    RESOURCE_NOT_FOUND(20),
    STALE_CLIENT(30),
    UNAUTHENTICATED(40),
    UNAUTHORIZED(41),
    INVALID_CREDENTIALS(42),
    INVALID_USERNAME(43),
    INVALID_PASSWORD(44),
    INVALID_USER_STATUS(45),
    USER_ALREADY_EXISTS(46),
    USER_INACTIVE(47),
    CANNOT_DELETE_USER(48),
    CANNOT_CHANGE_PERMISSIONS(49),
    INVALID_PERSONAL_ACCESS_TOKEN_NAME(50),
    PERSONAL_ACCESS_TOKEN_ALREADY_EXISTS(51),
    PERSONAL_ACCESS_TOKENS_LIMIT_REACHED(52),
    INVALID_PERSONAL_ACCESS_TOKEN(53),
    PERSONAL_ACCESS_TOKEN_EXPIRED(54),
    USERS_LIMIT_REACHED(55),
    INVALID_SIZE_BYTES(80),
    INVALID_UTF8(81),
    CLIENT_NOT_FOUND(100),
    INVALID_CLIENT_ID(101),
    STREAM_ID_NOT_FOUND(1009),
    STREAM_NAME_ALREADY_EXISTS(1012),
    INVALID_STREAM_NAME(1013),
    INVALID_TOPIC_SIZE(1019),
    TOPIC_ID_NOT_FOUND(2010),
    TOPIC_NAME_ALREADY_EXISTS(2013),
    INVALID_TOPIC_NAME(2014),
    TOO_MANY_PARTITIONS(2015),
    INVALID_REPLICATION_FACTOR(2018),
    INVALID_PARTITIONS_COUNT(2019),
    PARTITION_NOT_FOUND(3007),
    TOPIC_FULL(3009),
    NOT_RESOLVED_CONSUMER(3022),
    INVALID_MESSAGES_COUNT(4009),
    TOO_BIG_USER_HEADERS(4017),
    TOO_BIG_MESSAGE_PAYLOAD(4022),
    NON_ZERO_OFFSET(4031),
    NON_ZERO_TIMESTAMP(4032),
    MISSING_INDEX(4033),
    INVALID_INDEXES_BYTE_SIZE(4034),
    INVALID_INDEXES_COUNT(4035),
    INVALID_MESSAGES_SIZE(4036),
    TOO_SMALL_MESSAGE(4037),
    INVALID_OFFSET(4100),
    CONSUMER_GROUP_ID_NOT_FOUND(5000),
    CONSUMER_GROUP_NAME_ALREADY_EXISTS(5004),
    INVALID_CONSUMER_GROUP_NAME(5005),
    CONSUMER_GROUP_MEMBER_NOT_FOUND(5006),
    CANNOT_READ_INDEX_POSITION(10011);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /** The numeric code written to the response status field. */
    public int code() {
        return code;
    }
}
