package org.exhibit.capture.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The relay of a kept browser context: forwards to the attached proxy only, and ends what it forwarded on detach. */
class ProxyRelayTest {

    @Test
    void forwardsToTheAttachedProxyAndEndsEveryConnectionOnDetach() throws Exception {
        try (Echo first = new Echo('1'); Echo second = new Echo('2'); ProxyRelay relay = ProxyRelay.start()) {
            relay.attach(first.address());
            Socket kept = connect(relay);
            assertThat(ask(kept)).isEqualTo('1');
            assertThat(relay.open()).isEqualTo(1);

            relay.detach();
            assertThat(closed(kept)).as("a connection kept alive by the browser is ended with its capture").isTrue();
            assertThat(closed(connect(relay))).as("nothing attached: refused").isTrue();

            relay.attach(second.address());
            Socket next = connect(relay);
            assertThat(ask(next)).isEqualTo('2');
            relay.attach(first.address());
            assertThat(closed(next)).as("attaching another proxy ends the connections to the one before").isTrue();
            assertThat(second.accepted).hasSize(1);
        }
    }

    private static Socket connect(ProxyRelay relay) throws IOException {
        String[] hostPort = relay.address().split(":");
        Socket s = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
        s.setSoTimeout(5000);
        return s;
    }

    private static char ask(Socket s) throws IOException {
        s.getOutputStream().write('?');
        s.getOutputStream().flush();
        return (char) s.getInputStream().read();
    }

    /** True when the other end closed (end of stream or reset) rather than answering. */
    private static boolean closed(Socket s) throws IOException {
        try {
            s.getOutputStream().write('?');
            return s.getInputStream().read() < 0;
        } catch (SocketException e) {
            return true;
        }
    }

    /** A loopback server that answers each byte with its own letter. */
    private static final class Echo implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        final List<Socket> accepted = new CopyOnWriteArrayList<>();

        Echo(char letter) throws IOException {
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        accepted.add(s);
                        new Thread(() -> {
                            try (InputStream in = s.getInputStream()) {
                                while (in.read() >= 0) {
                                    s.getOutputStream().write(letter);
                                }
                            } catch (IOException ignored) {
                                // the relay ended it
                            }
                        }).start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
