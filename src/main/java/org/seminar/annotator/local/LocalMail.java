package org.seminar.annotator.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * A real SMTP server that keeps every mail (GreenMail), for local mode and tests: the app sends notification mail to
 * it as it would to any server, and people read the mail over IMAP (any mail client, or {@code curl imap://...}; the
 * login and password of a mailbox are both its address, as GreenMail makes them on first delivery).
 */
public final class LocalMail implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalMail.class);
    private final GreenMail greenMail;

    private LocalMail(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** SMTP and IMAP on 127.0.0.1 at the given ports (0: free ones). */
    public static LocalMail start(int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort == 0 ? FreePort.find() : smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort == 0 ? FreePort.find() : imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
        greenMail.start();
        LOG.infof("Local mail server: SMTP on 127.0.0.1:%d, read the kept mail over IMAP on 127.0.0.1:%d (login and password: the address)",
                smtp.getPort(), imap.getPort());
        return new LocalMail(greenMail);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The mail server's own view, for tests that read what was sent. */
    public GreenMail greenMail() {
        return greenMail;
    }

    /**
     * The secret signing unsubscribe links in local mode: made once and kept in the data folder, so that links in
     * mail already sent still work after a restart.
     */
    static String secret(Path dataDir) {
        Path file = dataDir.resolve("unsubscribe-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = HexFormat.of().formatHex(bytes);
            Files.createDirectories(dataDir);
            Files.writeString(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
