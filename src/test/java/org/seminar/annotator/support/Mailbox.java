package org.seminar.annotator.support;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * The mail a person received, read over IMAP from the test run's mail server (TestServers), as any mail client would:
 * the login and password of a GreenMail mailbox are its address.
 */
public final class Mailbox {

    static final String IMAP_PORT = "annotator-test.imap-port";

    /** One mail as received. */
    public record Mail(String to, String subject, String html, String text, String listUnsubscribe) {
    }

    private Mailbox() {
    }

    /** Every mail in the address's inbox now (none when nothing was ever delivered to it). */
    public static List<Mail> of(String address) {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", System.getProperty(IMAP_PORT));
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            try {
                store.connect("127.0.0.1", Integer.parseInt(System.getProperty(IMAP_PORT)), address, address);
            } catch (jakarta.mail.AuthenticationFailedException e) {
                return List.of(); // GreenMail makes the mailbox on first delivery
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                String[] unsubscribe = m.getHeader("List-Unsubscribe");
                mails.add(new Mail(address, m.getSubject(), part(m, "text/html"), part(m, "text/plain"),
                        unsubscribe == null ? null : unsubscribe[0]));
            }
            inbox.close(false);
            return mails;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (polling, with a deadline) until the inbox holds a mail the test expects; returns all mail then. */
    public static List<Mail> awaitMail(String address, Predicate<List<Mail>> expected, Duration within) {
        Instant deadline = Instant.now().plus(within);
        List<Mail> mails = of(address);
        while (!expected.test(mails) && Instant.now().isBefore(deadline)) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L); // the next look, until the deadline
            mails = of(address);
        }
        return mails;
    }

    private static String part(Part part, String type) throws MessagingException {
        try {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
