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
// The build passed; make sure that is because the @QuarkusTest ran and passed, not because it was skipped.
def report = new File(basedir, 'target/surefire-reports/com.example.iggy.PingRoundTripTest.txt')
assert report.isFile() : "no test report: the round-trip test did not run"
assert report.text.contains('Failures: 0, Errors: 0, Skipped: 0') : report.text
// the dev service started the embedded server for the test (no host configured)
assert new File(basedir, 'build.log').text.contains('Dev Services for Camel Iggy started an embedded Iggy server') : 'the dev service did not start'
// the SDK's Netty 4.2 classes were found: the netty-bom import did its job
assert !new File(basedir, 'build.log').text.contains('IoEventLoopGroup')
return true
