package org.exhibit.capture.testsite;

import java.net.ProxySelector;
import org.exhibit.capture.proxy.RecordingProxy;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A real HTTP client going through the proxy and trusting only its interception CA. */
public final class ProxiedClient {
    private ProxiedClient() {
    }

    public static HttpClient through(RecordingProxy proxy) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("interception", proxy.ca().certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), new SecureRandom());
        return HttpClient.newBuilder()
                .proxy(ProxySelector.of(proxy.address()))
                .sslContext(tls)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
