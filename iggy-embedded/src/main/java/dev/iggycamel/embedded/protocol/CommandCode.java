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
package dev.iggycamel.embedded.protocol;

/** The Iggy 0.8 command codes, as written in the second u32 of every request frame. */
public final class CommandCode {

    public static final int PING = 1;
    public static final int GET_STATS = 10;
    public static final int GET_ME = 20;
    public static final int GET_CLIENT = 21;
    public static final int GET_CLIENTS = 22;
    public static final int GET_USER = 31;
    public static final int GET_USERS = 32;
    public static final int CREATE_USER = 33;
    public static final int DELETE_USER = 34;
    public static final int UPDATE_USER = 35;
    public static final int UPDATE_PERMISSIONS = 36;
    public static final int CHANGE_PASSWORD = 37;
    public static final int LOGIN_USER = 38;
    public static final int LOGOUT_USER = 39;
    public static final int GET_PERSONAL_ACCESS_TOKENS = 41;
    public static final int CREATE_PERSONAL_ACCESS_TOKEN = 42;
    public static final int DELETE_PERSONAL_ACCESS_TOKEN = 43;
    public static final int LOGIN_WITH_PERSONAL_ACCESS_TOKEN = 44;
    public static final int POLL_MESSAGES = 100;
    public static final int SEND_MESSAGES = 101;
    public static final int GET_CONSUMER_OFFSET = 120;
    public static final int STORE_CONSUMER_OFFSET = 121;
    public static final int GET_STREAM = 200;
    public static final int GET_STREAMS = 201;
    public static final int CREATE_STREAM = 202;
    public static final int DELETE_STREAM = 203;
    public static final int UPDATE_STREAM = 204;
    public static final int GET_TOPIC = 300;
    public static final int GET_TOPICS = 301;
    public static final int CREATE_TOPIC = 302;
    public static final int DELETE_TOPIC = 303;
    public static final int UPDATE_TOPIC = 304;
    public static final int CREATE_PARTITIONS = 402;
    public static final int DELETE_PARTITIONS = 403;
    public static final int GET_CONSUMER_GROUP = 600;
    public static final int GET_CONSUMER_GROUPS = 601;
    public static final int CREATE_CONSUMER_GROUP = 602;
    public static final int DELETE_CONSUMER_GROUP = 603;
    public static final int JOIN_CONSUMER_GROUP = 604;
    public static final int LEAVE_CONSUMER_GROUP = 605;

    private CommandCode() {}
}
