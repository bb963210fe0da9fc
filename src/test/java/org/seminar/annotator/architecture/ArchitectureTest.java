package org.seminar.annotator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The feature packages depend on each other one way only, as docs/ARCHITECTURE.md draws them: no
 * cycles, and each package uses only the packages below it. A new arrow is a decision: add it to
 * {@link #MAY_USE} and to the document, or put the code where it belongs.
 */
class ArchitectureTest {

    static final String ROOT = "org.seminar.annotator";

    /** Which of the app's packages each package may use (besides itself); the order is bottom to top. */
    static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();
    static {
        MAY_USE.put("config", Set.of());
        MAY_USE.put("web", Set.of("config"));
        MAY_USE.put("local", Set.of());
        MAY_USE.put("storage", Set.of("web", "config"));
        MAY_USE.put("audit", Set.of("config", "web", "storage"));
        MAY_USE.put("account", Set.of("config", "web", "storage", "audit"));
        MAY_USE.put("group", Set.of("config", "web", "storage", "audit", "account"));
        MAY_USE.put("tag", Set.of("config", "web", "storage", "audit", "account"));
        MAY_USE.put("document", Set.of("config", "web", "storage", "audit", "account", "group"));
        MAY_USE.put("annotation", Set.of("config", "web", "storage", "audit", "account", "group", "tag", "document"));
        MAY_USE.put("live", Set.of("config", "web", "storage", "account", "document", "annotation"));
        MAY_USE.put("webannotation", Set.of("config", "web", "storage", "account", "group", "tag", "document", "annotation"));
        MAY_USE.put("report", Set.of("config", "web", "storage", "account", "group", "tag", "document", "annotation", "webannotation"));
        MAY_USE.put("participation", Set.of("config", "web", "storage", "audit", "account", "group", "document", "annotation", "report"));
        MAY_USE.put("search", Set.of("config", "web", "storage", "account", "document", "annotation"));
        MAY_USE.put("admin", Set.of("config", "web", "storage", "audit", "account", "group", "tag"));
        MAY_USE.put("notification", Set.of("config", "web", "storage", "account", "group", "document", "annotation"));
    }

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void theFeaturePackagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyPackageIsInTheTable() {
        Set<String> found = new TreeSet<>();
        classes.forEach(c -> {
            String rest = c.getPackageName().substring(Math.min(ROOT.length() + 1, c.getPackageName().length()));
            if (!rest.isEmpty()) {
                found.add(rest.split("\\.")[0]);
            }
        });
        org.junit.jupiter.api.Assertions.assertEquals(new TreeSet<>(MAY_USE.keySet()), found,
                "every top-level package has a row in MAY_USE (and a paragraph in docs/ARCHITECTURE.md)");
    }

    static List<String> packages() {
        return List.copyOf(MAY_USE.keySet());
    }

    @ParameterizedTest
    @MethodSource("packages")
    void eachPackageUsesOnlyThePackagesBelowIt(String pkg) {
        String[] forbidden = MAY_USE.keySet().stream()
                .filter(other -> !other.equals(pkg) && !MAY_USE.get(pkg).contains(other))
                .map(other -> ROOT + "." + other + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage(ROOT + "." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because(pkg + " may use only " + MAY_USE.get(pkg))
                .check(classes);
    }
}
