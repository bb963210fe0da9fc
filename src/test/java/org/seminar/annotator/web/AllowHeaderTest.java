package org.seminar.annotator.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.seminar.annotator.support.Routes;
import org.seminar.annotator.support.Tokens;

/**
 * Every API address says what it takes: a method it does not take answers 405 with {@code Allow} listing exactly the
 * methods its resources declare (RFC 9110 15.5.6), and a plain {@code OPTIONS} answers the same list. The addresses are
 * found by reflection over the resource classes, so a new one is checked without being named here.
 */
@QuarkusTest
class AllowHeaderTest {

    @Test
    void everyApiAddressNamesWhatItAllowsOnA405AndOnOptions() throws Exception {
        Map<String, Set<String>> expected = new TreeMap<>();
        Routes.methods().forEach((route, methods) -> {
            if (route.startsWith("/api/") || route.startsWith("/annotations/")) {
                Set<String> allowed = expected.computeIfAbsent(route.replace("{~}", "0a-1b").replace("{}", "x1"), r -> new TreeSet<>());
                allowed.addAll(methods);
                allowed.add("OPTIONS");
                if (methods.contains("GET")) {
                    allowed.add("HEAD");
                }
            }
        });
        List<String> wrong = new ArrayList<>();
        String admin = Tokens.bearer("admin");
        expected.forEach((path, allowed) -> {
            Response refused = given().header("Authorization", admin).contentType("application/json").body("{}").patch(path);
            if (refused.statusCode() != 405 || !allowed.equals(split(refused.header("Allow")))) {
                wrong.add("PATCH " + path + " -> " + refused.statusCode() + " Allow: " + refused.header("Allow") + ", expected 405 " + allowed);
            }
            if (!path.startsWith("/annotations/")) {
                Response options = given().header("Authorization", admin).options(path);
                if (!allowed.equals(split(options.header("Allow")))) {
                    wrong.add("OPTIONS " + path + " -> Allow: " + options.header("Allow") + ", expected " + allowed);
                }
            }
        });
        System.out.println("Addresses checked for Allow: " + expected.size());
        assertEquals(List.of(), wrong);
        assertEquals(true, expected.size() > 40, "the routes were found");
    }

    private static Set<String> split(String allow) {
        Set<String> methods = new TreeSet<>();
        if (allow != null) {
            for (String m : allow.split(",")) {
                methods.add(m.strip());
            }
        }
        return methods;
    }
}
