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

import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/** Apache MINA SSHD's SSH server with its SFTP subsystem, in the JVM: user iggy / password iggy, files under root. */
final class SftpServer implements AutoCloseable {

    static final String VERSION = "Apache MINA SSHD 2.16.0 SFTP server (sshd-sftp, in-JVM)";

    private final SshServer sshd;

    SftpServer(Path root, Path hostKey) throws Exception {
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        // SFTP is many small request/response round trips: without TCP_NODELAY each waits out a delayed ACK
        CoreModuleProperties.TCP_NODELAY.set(sshd, true);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        sshd.setPasswordAuthenticator(
                (username, password, session) -> "iggy".equals(username) && "iggy".equals(password));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.start();
    }

    int port() {
        return sshd.getPort();
    }

    @Override
    public void close() throws Exception {
        sshd.stop(true);
    }
}
