package io.tlsmachine.impl.codec.message;

import io.tlsmachine.impl.codec.ByteReader;
import io.tlsmachine.impl.codec.types.ContentType;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Runs an in-memory handshake between two JDK {@link SSLEngine}s and keeps the plaintext handshake
 * messages each side sent (everything before its first ChangeCipherSpec), as exact bytes.
 *
 * <p>A test fixture: real messages from an independent implementation for the codec to decode.
 */
final class JdkHandshakeCapture {

    /** The key type of the server's (and, with client authentication, the client's) certificate. */
    enum KeyType {
        RSA("RSA", 2048, "SHA256withRSA"),
        EC("EC", 256, "SHA256withECDSA");

        final String algorithm;
        final int size;
        final String signature;

        KeyType(String algorithm, int size, String signature) {
            this.algorithm = algorithm;
            this.size = size;
            this.signature = signature;
        }
    }

    /** The messages each side sent in plaintext, and what was negotiated. */
    record Captured(List<byte[]> fromClient, List<byte[]> fromServer, String protocol, String cipherSuite) {
    }

    /** One context (key pair and self-signed certificate) per key type: RSA key generation is slow. */
    private static final Map<KeyType, SSLContext> CONTEXTS = new EnumMap<>(KeyType.class);

    private JdkHandshakeCapture() {
    }

    static Captured handshake(KeyType keyType, String protocol, String cipherSuite, boolean clientAuth)
            throws Exception {
        SSLContext context;
        synchronized (CONTEXTS) {
            context = CONTEXTS.get(keyType);
            if (context == null) {
                context = context(keyType);
                CONTEXTS.put(keyType, context);
            }
        }
        SSLEngine client = context.createSSLEngine("localhost", 443);
        SSLEngine server = context.createSSLEngine();
        client.setUseClientMode(true);
        server.setUseClientMode(false);
        for (SSLEngine engine : List.of(client, server)) {
            engine.setEnabledProtocols(new String[] {protocol});
            engine.setEnabledCipherSuites(new String[] {cipherSuite});
        }
        server.setNeedClientAuth(clientAuth);

        ByteArrayOutputStream clientWire = new ByteArrayOutputStream();
        ByteArrayOutputStream serverWire = new ByteArrayOutputStream();
        ByteBuffer clientToServer = ByteBuffer.allocate(1 << 17);
        ByteBuffer serverToClient = ByteBuffer.allocate(1 << 17);
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < 40; round++) {
            step(client, serverToClient, clientToServer, clientWire);
            step(server, clientToServer, serverToClient, serverWire);
        }
        if (client.getSession().getCipherSuite().startsWith("SSL_NULL")) {
            throw new IllegalStateException("the JDK handshake did not complete");
        }
        return new Captured(plaintextHandshakeMessages(clientWire.toByteArray()),
                plaintextHandshakeMessages(serverWire.toByteArray()), client.getSession().getProtocol(),
                client.getSession().getCipherSuite());
    }

    private static void step(SSLEngine engine, ByteBuffer inbound, ByteBuffer outbound, ByteArrayOutputStream wire)
            throws Exception {
        ByteBuffer application = ByteBuffer.allocate(1 << 17);
        inbound.flip();
        while (inbound.hasRemaining()) {
            SSLEngineResult result = engine.unwrap(inbound, application);
            runTasks(engine);
            if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesConsumed() == 0) {
                break;
            }
        }
        inbound.compact();
        ByteBuffer network = ByteBuffer.allocate(1 << 17);
        while (true) {
            SSLEngineResult result = engine.wrap(ByteBuffer.allocate(0), network);
            runTasks(engine);
            if (result.bytesProduced() == 0) {
                break;
            }
        }
        network.flip();
        byte[] produced = new byte[network.remaining()];
        network.get(produced);
        wire.write(produced);
        outbound.put(produced);
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** Splits the records a side sent into handshake messages, up to its first change_cipher_spec. */
    static List<byte[]> plaintextHandshakeMessages(byte[] wire) {
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        ByteReader records = ByteReader.of(wire);
        while (records.hasRemaining()) {
            int type = records.u8("record.type");
            records.u16("record.version");
            byte[] fragment = records.opaque16("record.fragment", 0, 1 << 15).toByteArray();
            if (type == ContentType.CHANGE_CIPHER_SPEC.code()) {
                break;
            }
            if (type == ContentType.HANDSHAKE.code()) {
                handshake.writeBytes(fragment);
            }
        }
        byte[] stream = handshake.toByteArray();
        List<byte[]> messages = new ArrayList<>();
        int offset = 0;
        while (offset < stream.length) {
            OptionalInt length = HandshakeCodec.messageLength(stream, offset, stream.length - offset);
            messages.add(Arrays.copyOfRange(stream, offset, offset + length.orElseThrow()));
            offset += length.getAsInt();
        }
        return messages;
    }

    private static SSLContext context(KeyType keyType) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType.algorithm);
        generator.initialize(keyType.size);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=localhost");
        Date now = new Date();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(now.getTime() - 86_400_000L),
                        new Date(now.getTime() + 86_400_000L), name, keys.getPublic())
                        .build(new JcaContentSignerBuilder(keyType.signature).build(keys.getPrivate())));
        char[] password = "codec-test".toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("key", keys.getPrivate(), password, new Certificate[] {certificate});
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("anchor", certificate);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, password);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }
}
