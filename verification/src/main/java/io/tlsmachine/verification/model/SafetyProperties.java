package io.tlsmachine.verification.model;

import static io.tlsmachine.verification.model.Edges.entersConnected;
import static io.tlsmachine.verification.model.Edges.failed;
import static io.tlsmachine.verification.model.Edges.received;
import static io.tlsmachine.verification.model.Edges.sends;
import static io.tlsmachine.verification.model.Edges.sent;
import static io.tlsmachine.verification.model.Edges.sentBefore;
import static io.tlsmachine.verification.model.Edges.tls12;
import static io.tlsmachine.verification.model.Edges.tls13;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.MachineDefinition;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.Negotiated;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.ProtocolVersion;
import io.tlsmachine.model.VersionRegion;
import io.tlsmachine.verification.checker.Adversary;
import io.tlsmachine.verification.checker.CheckResult;
import io.tlsmachine.verification.checker.ComposedChecker;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Writes each numbered property of {@code specs/properties.md} as a check over a pair of definitions: path
 * properties as {@link Monitor}s explored by {@link PathSearch} under every facts combination, table properties
 * as scans of the transition list. They run on the real model (all hold) and on every {@link Mutant}.
 */
public final class SafetyProperties {

    private SafetyProperties() {
    }

    /** Returns the properties P1.. in order. */
    public static List<SafetyProperty> all() {
        return List.of(
                new SafetyProperty("P1", "A connected state is entered only by receiving the peer's Finished.",
                        m -> onBoth(m, Monitor.never((t, f) -> entersConnected(t) && t.input() != Input.FINISHED,
                                "enters a connected state without the peer's Finished"))),
                new SafetyProperty("P2", "Application data is neither accepted nor sent before the keys of its epoch.",
                        SafetyProperties::applicationData),
                new SafetyProperty("P3", "TLS 1.3: the server's Certificate and CertificateVerify are never skipped unless a PSK was accepted.",
                        SafetyProperties::tls13ServerAuthentication),
                new SafetyProperty("P4", "TLS 1.2: no ServerHelloDone without ServerKeyExchange under (EC)DHE, no ServerKeyExchange under RSA key transport.",
                        SafetyProperties::serverKeyExchange),
                new SafetyProperty("P5", "TLS 1.2: Finished only after ChangeCipherSpec, under the new keys, both received and sent.",
                        SafetyProperties::tls12FinishedAfterChangeCipherSpec),
                new SafetyProperty("P6", "TLS 1.3: no ChangeCipherSpec is acted on; it is dropped only in plaintext and before the peer's Finished.",
                        SafetyProperties::tls13ChangeCipherSpecIgnored),
                new SafetyProperty("P7", "At most one HelloRetryRequest per connection.",
                        m -> join(onRole(m.client(), Monitor.atMostOnce(received(Input.HELLO_RETRY_REQUEST),
                                        "accepts a second HelloRetryRequest")),
                                onRole(m.server(), Monitor.atMostOnce((t, f) -> sends(t, f, Message.HELLO_RETRY_REQUEST),
                                        "sends a second HelloRetryRequest")))),
                new SafetyProperty("P8", "No plaintext handshake message after handshake keys are in use; every handshake message arrives under its state's read epoch.",
                        SafetyProperties::noPlaintextAfterKeys),
                new SafetyProperty("P9", "CertificateVerify only after a non-empty Certificate, received and sent.",
                        SafetyProperties::certificateVerifyAfterCertificate),
                new SafetyProperty("P10", "TLS 1.2: ChangeCipherSpec only after the key exchange is complete (CVE-2014-0224), never silently dropped.",
                        SafetyProperties::noEarlyTls12ChangeCipherSpec),
                new SafetyProperty("P11", "The versions do not mix: no TLS 1.2-only message in a TLS 1.3 state, no TLS 1.3-only message in a TLS 1.2 state, no edge between the regions.",
                        SafetyProperties::versionsDoNotMix),
                new SafetyProperty("P12", "A client that sees the downgrade sentinel aborts with illegal_parameter and never connects.",
                        SafetyProperties::downgradeProtection),
                new SafetyProperty("P13", "TLS 1.3 post-handshake messages only after the handshake; post-handshake auth only if offered.",
                        SafetyProperties::postHandshake),
                new SafetyProperty("P14", "TLS 1.2 NewSessionTicket exactly when announced, before the server's ChangeCipherSpec.",
                        SafetyProperties::tls12Ticket),
                new SafetyProperty("P15", "EndOfEarlyData only when 0-RTT was accepted.",
                        m -> onBoth(m, Monitor.never((t, f) -> !f.earlyDataAccepted()
                                && (t.input() == Input.END_OF_EARLY_DATA || sends(t, f, Message.END_OF_EARLY_DATA)),
                                "EndOfEarlyData without accepted 0-RTT"))),
                new SafetyProperty("P16", "Guards of each (state, input, epoch) are mutually exclusive and exhaustive over the admitted facts.",
                        m -> join(GuardCoverage.violations(m.client()), GuardCoverage.violations(m.server()),
                                m.client().guardViolations(), m.server().guardViolations())),
                new SafetyProperty("P17", "Every undeclared (state, input, epoch) is an unexpected_message raised by the one table lookup.",
                        m -> join(Rejections.lookupViolations(m.client()), Rejections.lookupViolations(m.server()))),
                new SafetyProperty("P18", "Alerts: every state that reads records fails on a fatal alert; terminal states are final.",
                        m -> join(alerts(m.client()), alerts(m.server()))),
                new SafetyProperty("P19", "Every facts combination without a downgrade completes a handshake with both sides connected.",
                        SafetyProperties::handshakesComplete),
                new SafetyProperty("P20", "Under any single dropped, duplicated or reordered message, a completed handshake has agreeing transcripts, and a dropped or duplicated handshake message prevents completion.",
                        NetworkFaults::violations),
                new SafetyProperty("P21", "Composed: whenever both sides are connected they agree on the version and the handshake transcript.",
                        m -> composed(m, "P21")),
                new SafetyProperty("P22", "Composed: no run is stuck; without an adversary every facts combination ends with both sides connected (or the client failed on the downgrade sentinel).",
                        m -> composed(m, "P22")),
                new SafetyProperty("P23", "No second ClientHello mid-handshake: the server accepts ClientHello only in START, after its HelloRetryRequest, or connected (refused in place); the client accepts HelloRetryRequest only in WAIT_SH.",
                        SafetyProperties::noSecondClientHello));
    }

    /**
     * Runs the composed checker ({@code checker.ComposedChecker}) over a reliable network for one property; the
     * passive and active networks run from {@code tlsmachine check} and {@code ComposedCheckerTest}.
     */
    private static List<String> composed(Machines m, String id) {
        CheckResult result = ComposedChecker.check(m, Adversary.NONE, EnumSet.allOf(ProtocolVersion.class), id::equals);
        return List.copyOf(result.violations().values());
    }

    // RFC 8446 §4.1.2 ("the client will send a second ClientHello" only "when the server has responded to its
    // ClientHello with a HelloRetryRequest"), §4.1.4; RFC 5246 §7.4.1.2 and §7.2.2 (a ClientHello after the
    // handshake is a renegotiation, which we refuse in place).
    private static List<String> noSecondClientHello(Machines m) {
        List<String> violations = new ArrayList<>();
        for (Transition<?, ?> t : m.server().transitions()) {
            if (t.input() == Input.CLIENT_HELLO && !t.from().name().equals("START")
                    && !t.from().name().equals("WAIT_CH_RETRY") && !(t.from().connected() && t.to() == t.from())) {
                violations.add("server: " + PathSearch.describe(t) + " accepts a ClientHello mid-handshake");
            }
        }
        for (Transition<?, ?> t : m.client().transitions()) {
            if (t.input() == Input.HELLO_RETRY_REQUEST && !t.from().name().equals("WAIT_SH")) {
                violations.add("client: " + PathSearch.describe(t) + " accepts a HelloRetryRequest after the first flight");
            }
        }
        return violations;
    }

    private static List<String> applicationData(Machines m) {
        Monitor accepted = Monitor.never((t, f) -> t.input() == Input.APPLICATION_DATA
                        && !((t.epoch() == Epoch.APPLICATION && t.from().connected())
                                || (t.epoch() == Epoch.EARLY && f.earlyDataAccepted() && t.from().readEpoch() == Epoch.EARLY)),
                "accepts application data before the keys of its epoch");
        Monitor sentAfterFinished = Monitor.notBefore((t, f) -> sends(t, f, Message.FINISHED),
                (t, f) -> Edges.sendsUnder(t, f, Message.APPLICATION_DATA, Epoch.APPLICATION),
                "sends application data under application keys before its own Finished");
        Monitor sentEpochs = Monitor.never((t, f) -> t.outputsFor(f).stream().anyMatch(o -> o.message() == Message.APPLICATION_DATA
                        && (o.epoch() == Epoch.PLAINTEXT || o.epoch() == Epoch.HANDSHAKE
                                || (o.epoch() == Epoch.EARLY && !f.earlyDataOffered()))),
                "sends application data in plaintext, under handshake keys, or as 0-RTT that was not offered");
        return onBoth(m, accepted, sentAfterFinished, sentEpochs);
    }

    private static List<String> tls13ServerAuthentication(Machines m) {
        Monitor client = new Monitor() {
            @Override
            public int next(int memory, Transition<?, ?> t, Negotiated f) {
                if (t.input() == Input.CERTIFICATE) {
                    return 1;
                }
                return t.input() == Input.CERTIFICATE_VERIFY && memory == 1 ? 3 : memory;
            }

            @Override
            public String violation(int memory, Transition<?, ?> t, Negotiated f) {
                return tls13(f) && !f.pskAccepted() && entersConnected(t) && memory != 3
                        ? "connects without the server's Certificate and CertificateVerify" : null;
            }
        };
        Monitor server = Monitor.never((t, f) -> tls13(f) && !f.pskAccepted()
                        && Edges.sendsUnder(t, f, Message.FINISHED, Epoch.HANDSHAKE)
                        && !(sentBefore(t, f, Message.CERTIFICATE, Message.CERTIFICATE_VERIFY)
                                && sentBefore(t, f, Message.CERTIFICATE_VERIFY, Message.FINISHED)),
                "sends its Finished without Certificate and CertificateVerify");
        return join(onRole(m.client(), client), onRole(m.server(), server));
    }

    private static List<String> serverKeyExchange(Machines m) {
        Monitor doneNeedsKeyExchange = Monitor.notBefore(received(Input.SERVER_KEY_EXCHANGE),
                (t, f) -> tls12(f) && f.tls12KeyExchange().ephemeral() && t.input() == Input.SERVER_HELLO_DONE,
                "accepts ServerHelloDone without ServerKeyExchange under (EC)DHE");
        Monitor noKeyExchangeUnderRsa = Monitor.never(
                (t, f) -> tls12(f) && !f.tls12KeyExchange().ephemeral() && t.input() == Input.SERVER_KEY_EXCHANGE,
                "accepts ServerKeyExchange under RSA key transport");
        Monitor serverSends = Monitor.never((t, f) -> tls12(f) && sends(t, f, Message.SERVER_HELLO_DONE)
                        && f.tls12KeyExchange().ephemeral() != sentBefore(t, f, Message.SERVER_KEY_EXCHANGE, Message.SERVER_HELLO_DONE),
                "sends ServerKeyExchange when the key exchange does not call for it, or omits it");
        return join(onRole(m.client(), doneNeedsKeyExchange, noKeyExchangeUnderRsa), onRole(m.server(), serverSends));
    }

    private static List<String> tls12FinishedAfterChangeCipherSpec(Machines m) {
        Monitor receivedAfterCcs = Monitor.notBefore((t, f) -> Edges.actsOnChangeCipherSpec(t),
                (t, f) -> tls12(f) && t.input() == Input.FINISHED, "accepts Finished before ChangeCipherSpec");
        Monitor receivedUnderNewKeys = Monitor.never((t, f) -> tls12(f) && t.input() == Input.FINISHED
                && t.epoch() != Epoch.APPLICATION, "accepts Finished under the old keys");
        Monitor sentAfterCcs = Monitor.never((t, f) -> tls12(f) && sends(t, f, Message.FINISHED)
                        && !(sentBefore(t, f, Message.CHANGE_CIPHER_SPEC, Message.FINISHED)
                                && Edges.sendsUnder(t, f, Message.FINISHED, Epoch.APPLICATION)),
                "sends Finished without ChangeCipherSpec before it or not under the new keys");
        return onBoth(m, receivedAfterCcs, receivedUnderNewKeys, sentAfterCcs);
    }

    private static List<String> tls13ChangeCipherSpecIgnored(Machines m) {
        Monitor dropped = Monitor.never((t, f) -> tls13(f) && t.input() == Input.CHANGE_CIPHER_SPEC
                        && (t.to() != t.from() || !t.outputsFor(f).isEmpty() || t.epoch() != Epoch.PLAINTEXT
                                || t.from().connected()),
                "acts on a TLS 1.3 ChangeCipherSpec (or accepts it protected or after the peer's Finished)");
        Monitor notAfterFinished = Monitor.notAfter(received(Input.FINISHED),
                (t, f) -> tls13(f) && t.input() == Input.CHANGE_CIPHER_SPEC, "accepts ChangeCipherSpec after the peer's Finished");
        return onBoth(m, dropped, notAfterFinished);
    }

    private static List<String> noPlaintextAfterKeys(Machines m) {
        Monitor readEpoch = Monitor.never((t, f) -> Edges.HANDSHAKE_MESSAGES.contains(t.input()) && t.epoch() != t.from().readEpoch(),
                "accepts a handshake message under an epoch other than its state's read epoch");
        Monitor noPlaintextLater = Monitor.notAfter((t, f) -> t.to().readEpoch() == Epoch.EARLY
                        || t.to().readEpoch() == Epoch.HANDSHAKE || t.to().readEpoch() == Epoch.APPLICATION,
                (t, f) -> Edges.HANDSHAKE_MESSAGES.contains(t.input()) && t.epoch() == Epoch.PLAINTEXT,
                "accepts a plaintext handshake message after protected keys are in use");
        return onBoth(m, readEpoch, noPlaintextLater);
    }

    private static List<String> certificateVerifyAfterCertificate(Machines m) {
        Monitor received = new Monitor() {
            @Override
            public int next(int memory, Transition<?, ?> t, Negotiated f) {
                return switch (t.input()) {
                    case CERTIFICATE -> 1;
                    case CERTIFICATE_EMPTY -> 2;
                    case CERTIFICATE_VERIFY -> 0;
                    default -> memory;
                };
            }

            @Override
            public String violation(int memory, Transition<?, ?> t, Negotiated f) {
                return t.input() == Input.CERTIFICATE_VERIFY && memory != 1
                        ? "accepts CertificateVerify without a non-empty Certificate before it" : null;
            }
        };
        Monitor sent = Monitor.never((t, f) -> sends(t, f, Message.CERTIFICATE_VERIFY)
                        && (!sentBefore(t, f, Message.CERTIFICATE, Message.CERTIFICATE_VERIFY)
                                || sends(t, f, Message.CERTIFICATE_EMPTY)),
                "sends CertificateVerify without a non-empty Certificate before it");
        return onBoth(m, received, sent);
    }

    private static List<String> noEarlyTls12ChangeCipherSpec(Machines m) {
        Monitor client = new Monitor() {
            @Override
            public int next(int memory, Transition<?, ?> t, Negotiated f) {
                boolean ready = t.input() == Input.SERVER_HELLO_DONE
                        || (t.input() == Input.SERVER_HELLO && f.tls12Handshake().abbreviated());
                return ready ? 1 : memory;
            }

            @Override
            public String violation(int memory, Transition<?, ?> t, Negotiated f) {
                return tls12(f) && Edges.actsOnChangeCipherSpec(t) && memory == 0
                        ? "acts on ChangeCipherSpec before the key exchange is complete" : null;
            }
        };
        Monitor server = new Monitor() {
            @Override
            public int next(int memory, Transition<?, ?> t, Negotiated f) {
                return memory | switch (t.input()) {
                    case CLIENT_KEY_EXCHANGE -> 1;
                    case CERTIFICATE -> 2;
                    case CERTIFICATE_VERIFY -> 4;
                    default -> sends(t, f, Message.FINISHED) ? 8 : 0;
                };
            }

            @Override
            public String violation(int memory, Transition<?, ?> t, Negotiated f) {
                boolean ready = f.tls12Handshake().abbreviated() ? (memory & 8) != 0
                        : (memory & 1) != 0 && ((memory & 2) == 0 || (memory & 4) != 0);
                return tls12(f) && Edges.actsOnChangeCipherSpec(t) && !ready
                        ? "acts on ChangeCipherSpec before the key exchange (and CertificateVerify) is complete" : null;
            }
        };
        Monitor neverDropped = Monitor.never((t, f) -> tls12(f) && t.input() == Input.CHANGE_CIPHER_SPEC
                        && t.to() == t.from() && t.from().region() == VersionRegion.TLS12,
                "silently drops a ChangeCipherSpec in a TLS 1.2 state");
        return join(onRole(m.client(), client, neverDropped), onRole(m.server(), server, neverDropped));
    }

    private static List<String> versionsDoNotMix(Machines m) {
        List<String> violations = new ArrayList<>();
        for (MachineDefinition<?, ?> d : m.both()) {
            for (Transition<?, ?> t : d.transitions()) {
                var region = t.from().region();
                if (region == VersionRegion.TLS13 && Edges.TLS12_ONLY.contains(t.input())
                        || region == VersionRegion.TLS12 && Edges.TLS13_ONLY.contains(t.input())) {
                    violations.add(d.role() + ": " + PathSearch.describe(t) + " accepts a message of the other version");
                }
                var target = t.to().region();
                if (target != VersionRegion.COMMON && region != VersionRegion.COMMON
                        && target != region) {
                    violations.add(d.role() + ": " + PathSearch.describe(t) + " crosses from " + region + " to " + target);
                }
            }
        }
        return violations;
    }

    private static List<String> downgradeProtection(Machines m) {
        return onRole(m.client(),
                Monitor.never((t, f) -> f.downgradeDetected() && t.to().connected(), "connects despite the downgrade sentinel"),
                Monitor.never((t, f) -> f.downgradeDetected() && t.input() == Input.SERVER_HELLO
                        && !(failed(t) && sends(t, f, Message.ALERT_ILLEGAL_PARAMETER)),
                        "does not abort with illegal_parameter on a ServerHello with the downgrade sentinel"));
    }

    private static List<String> postHandshake(Machines m) {
        Monitor onlyConnected = Monitor.never((t, f) -> tls13(f) && !t.from().connected()
                        && (t.input() == Input.KEY_UPDATE_NOT_REQUESTED || t.input() == Input.KEY_UPDATE_REQUESTED
                                || t.input() == Input.NEW_SESSION_TICKET),
                "accepts a TLS 1.3 post-handshake message before the handshake is complete");
        Monitor clientAuthOffered = Monitor.never((t, f) -> tls13(f) && t.from().connected()
                        && t.input() == Input.CERTIFICATE_REQUEST && !f.postHandshakeAuthOffered()
                        && !(failed(t) && sends(t, f, Message.ALERT_UNEXPECTED_MESSAGE)),
                "answers a post-handshake CertificateRequest it did not offer to accept");
        Monitor serverAsksOnlyIfOffered = Monitor.never((t, f) -> t.from().connected() && !f.postHandshakeAuthOffered()
                        && sends(t, f, Message.CERTIFICATE_REQUEST),
                "sends a post-handshake CertificateRequest to a client that did not offer post_handshake_auth");
        return join(onBoth(m, onlyConnected), onRole(m.client(), clientAuthOffered), onRole(m.server(), serverAsksOnlyIfOffered));
    }

    private static List<String> tls12Ticket(Machines m) {
        Monitor onlyIfAnnounced = Monitor.never((t, f) -> tls12(f) && t.input() == Input.NEW_SESSION_TICKET && !f.ticketExpected(),
                "accepts a NewSessionTicket that was not announced");
        Monitor beforeCcs = Monitor.notAfter((t, f) -> Edges.actsOnChangeCipherSpec(t),
                (t, f) -> tls12(f) && t.input() == Input.NEW_SESSION_TICKET, "accepts NewSessionTicket after ChangeCipherSpec");
        Monitor required = Monitor.notBefore(received(Input.NEW_SESSION_TICKET),
                (t, f) -> tls12(f) && f.ticketExpected() && Edges.actsOnChangeCipherSpec(t),
                "accepts ChangeCipherSpec before the announced NewSessionTicket");
        Monitor serverSends = Monitor.never((t, f) -> tls12(f) && sends(t, f, Message.CHANGE_CIPHER_SPEC)
                        && f.ticketExpected() != sentBefore(t, f, Message.NEW_SESSION_TICKET, Message.CHANGE_CIPHER_SPEC),
                "sends NewSessionTicket when not announced, omits it, or sends it after ChangeCipherSpec");
        Monitor serverNotAfter = Monitor.never((t, f) -> tls12(f) && sends(t, f, Message.NEW_SESSION_TICKET)
                        && !sent(t, f).contains(Message.CHANGE_CIPHER_SPEC),
                "sends a TLS 1.2 NewSessionTicket outside the flight that ends with ChangeCipherSpec and Finished");
        return join(onRole(m.client(), onlyIfAnnounced, beforeCcs, required), onRole(m.server(), serverSends, serverNotAfter));
    }

    private static List<String> alerts(MachineDefinition<?, ?> d) {
        List<String> violations = new ArrayList<>();
        for (var s : d.states()) {
            if (s.terminal() || s.readEpoch() == Epoch.LOCAL) {
                continue;
            }
            boolean fails = d.transitions().stream().anyMatch(t -> t.from() == s && t.input() == Input.ALERT_FATAL
                    && t.epoch() == s.readEpoch() && t.guard().label().equals("always") && failed(t));
            if (!fails) {
                violations.add(d.role() + " " + s.name() + ": no ALERT_FATAL@" + s.readEpoch().label() + " --always--> FAILED");
            }
        }
        return violations;
    }

    private static List<String> handshakesComplete(Machines m) {
        List<String> violations = new ArrayList<>();
        for (Negotiated f : Negotiated.all()) {
            HandshakeComposer.Run run = HandshakeComposer.run(m, f);
            if (f.downgradeDetected() == run.completed()) {
                violations.add((run.completed() ? "completes despite the downgrade sentinel" : run.failure())
                        + " for " + f + "\n    trace: " + run.trace());
                if (violations.size() >= 3) {
                    break;
                }
            }
        }
        return violations;
    }

    private static List<String> onBoth(Machines m, Monitor... monitors) {
        return join(onRole(m.client(), monitors), onRole(m.server(), monitors));
    }

    private static List<String> onRole(MachineDefinition<?, ?> d, Monitor... monitors) {
        List<String> violations = new ArrayList<>();
        for (Monitor monitor : monitors) {
            PathSearch.searchAll(d, monitor).ifPresent(c -> violations.add(c.toString()));
        }
        return violations;
    }

    @SafeVarargs
    private static List<String> join(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
