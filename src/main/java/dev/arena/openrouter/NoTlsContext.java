package dev.arena.openrouter;

import java.security.SecureRandom;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS set-up of an {@link java.net.http.HttpClient} that only ever speaks plain HTTP (a local
 * Ollama, LM Studio or vLLM at an {@code http://} base URL). Without one, building a client
 * calls {@code SSLContext.getDefault()}, which loads the security providers and parses the JDK's
 * 150-odd trusted certificates: about 150 ms of every start-up, measured, for a handshake that
 * never happens. Any attempt at TLS through this context fails loudly instead of silently
 * going unverified.
 */
final class NoTlsContext extends SSLContext {

    NoTlsContext() {
        super(new Spi(), null, "none");
    }

    private static final class Spi extends SSLContextSpi {

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
            // Nothing to set up: there are no keys, no trust anchors and no sessions.
        }

        /** The client copies these at construction; empty parameters are never used for a handshake. */
        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return new SSLParameters();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("TLS through the plain-HTTP client (an https URL sent to it by mistake)");
        }
    }
}
