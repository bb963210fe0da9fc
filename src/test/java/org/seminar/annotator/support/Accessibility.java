package org.seminar.annotator.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.openqa.selenium.WebDriver;

/** axe-core (Deque's bundled copy) run on the page as it is now: the critical and serious violations, described. */
public final class Accessibility {

    private Accessibility() {
    }

    /** Every violation axe-core finds, whatever its impact, described. */
    public static List<String> violations(WebDriver driver) {
        Results results = new AxeBuilder().analyze(driver);
        return results.getViolations().stream()
                .map(v -> v.getId() + " (" + v.getImpact() + ", " + v.getNodes().size() + "x) at "
                        + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }

    public static List<String> seriousViolations(WebDriver driver) {
        Results results = new AxeBuilder().analyze(driver);
        return results.getViolations().stream()
                .filter(v -> "critical".equals(v.getImpact()) || "serious".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + ", " + v.getNodes().size() + "x) at "
                        + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }
}
