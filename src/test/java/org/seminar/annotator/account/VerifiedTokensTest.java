package org.seminar.annotator.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Tokens;

/**
 * A token verified once is answered from memory on its next requests, and only that token, for only
 * the tenant that verified it: a changed byte, another tenant's path or no token at all go through the
 * full check as before.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aRememberedTokenIsAnsweredAndEveryOtherTokenIsCheckedInFull() {
        String token = Tokens.fresh("reviewer2", "reviewer2");
        int before = tokens.size();
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200).body("username", equalTo("reviewer2"));
        assertEquals(before + 1, tokens.size(), "the verified token is remembered");
        // answered from memory, before the OIDC mechanism: the same account, also with the scheme written in lower case
        long answered = tokens.answered();
        given().header("Authorization", "bearer " + token).get("/api/me").then().statusCode(200).body("username", equalTo("reviewer2"));
        assertEquals(answered + 1, tokens.answered(), "answered from memory");
        assertEquals(before + 1, tokens.size(), "remembered once");

        // one character of the signature changed: not the remembered token, and refused by the full check
        int last = token.length() - 2;
        String changed = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.substring(last + 1);
        given().header("Authorization", "Bearer " + changed).get("/api/me").then().statusCode(401);
        // a page does not take bearer tokens, remembered or not: it sends the reader to sign in
        given().redirects().follow(false).accept("text/html").header("Authorization", "Bearer " + token).get("/documents")
                .then().statusCode(302).header("Location", startsWith(Tokens.realmUrl() + "/protocol/openid-connect/auth"));
        given().get("/api/me").then().statusCode(401);
        assertEquals(answered + 1, tokens.answered(), "a changed token, a page and no token are not answered from memory");
    }
}
