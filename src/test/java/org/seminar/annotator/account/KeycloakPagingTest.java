package org.seminar.annotator.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.seminar.annotator.support.Tokens;

/**
 * Keycloak answers a listing with at most {@code max} rows and no word of more: the app reads every
 * page. With pages of two rows, a group of five, the realm's groups and its admins are listed whole
 * through the admin API, exactly as one call asking for everything lists them.
 */
@QuarkusTest
class KeycloakPagingTest {

    @Inject
    KeycloakAccounts keycloak;

    static String account(String username, List<String> roles, List<String> groups) {
        return org.seminar.annotator.support.Accounts.create(username, username, roles, groups);
    }

    @Test
    void listingsLongerThanAPageAreReadWhole() {
        String nonce = Long.toString(System.nanoTime(), 36);
        String group = "paging-" + nonce;
        String groupId = given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body(Map.of("name", group)).post("/api/admin/groups").then().statusCode(201).extract().path("id");
        List<String> created = new ArrayList<>();
        try {
            for (int i = 1; i <= 5; i++) {
                created.add(account("pager" + i + "-" + nonce, List.of(Roles.REVIEWER), List.of(group)));
            }
            for (int i = 1; i <= 2; i++) {
                created.add(account("pageadmin" + i + "-" + nonce, List.of(Roles.ADMIN, Roles.REVIEWER), List.of()));
            }
            List<String> allGroups = keycloak.realm().groups().groups(null, 0, 10_000, true).stream().map(GroupRepresentation::getName).sorted().toList();
            List<String> allAdmins = keycloak.realm().roles().get(Roles.ADMIN).getUserMembers(0, 10_000).stream()
                    .map(UserRepresentation::getUsername).sorted().toList();
            assertTrue(allGroups.size() >= 3 && allAdmins.size() >= 3, "more than a page of each: " + allGroups + " " + allAdmins);

            keycloak.pageSize(2);
            AtomicInteger pages = new AtomicInteger();
            List<UserRepresentation> members = keycloak.all("members", (first, max) -> {
                pages.incrementAndGet();
                return keycloak.realm().groups().group(groupId).members(first, max, true);
            });
            assertEquals(5, members.size());
            assertEquals(3, pages.get(), "five rows in pages of two: three calls, the last one short");

            List<String> listed = given().header("Authorization", Tokens.bearer("admin")).get("/api/admin/groups/" + groupId + "/members")
                    .then().statusCode(200).extract().jsonPath().getList("username", String.class);
            assertEquals(5, listed.size(), "the group's member list: " + listed);
            List<Map<String, Object>> groups = given().header("Authorization", Tokens.bearer("admin")).get("/api/admin/groups")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertEquals(allGroups, groups.stream().map(g -> (String) g.get("name")).sorted().toList(), "every group is listed");
            assertEquals(5, groups.stream().filter(g -> g.get("name").equals(group)).findFirst().orElseThrow().get("members"),
                    "and its member count counts every page");
            assertEquals(allAdmins, keycloak.enabledAdmins().stream().map(UserRepresentation::getUsername).sorted().toList(),
                    "every enabled admin (the last-admin rule counts them)");
        } finally {
            keycloak.pageSize(KeycloakAccounts.PAGE_SIZE);
            created.forEach(keycloak::delete);
            keycloak.deleteGroup(groupId);
        }
    }
}
