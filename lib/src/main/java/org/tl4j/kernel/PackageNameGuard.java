package org.tl4j.kernel;

import org.tl4j.course.Messages;

import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

import java.util.Set;

/**
 * Refuses a variable or class named like a top-level package (org, java, javax, jdk). In Java a
 * variable named {@code org} hides the package {@code org}, so {@code org.tl4j.grading.Score} in a later
 * cell would reach the variable's fields instead: a way to forge a graded cell's result. The declaration
 * is dropped at once, with a note saying why.
 */
final class PackageNameGuard {
    private static final Messages TEXT = Messages.of(PackageNameGuard.class);
    static final Set<String> PACKAGES = Set.of("org", "java", "javax", "jdk");

    private PackageNameGuard() {
    }

    static void attach(JShell shell) {
        shell.onSnippetEvent(event -> {
            if ((event.snippet() instanceof VarSnippet || event.snippet() instanceof TypeDeclSnippet)
                    && PACKAGES.contains(((PersistentSnippet) event.snippet()).name()) && event.status().isDefined()) {
                PersistentSnippet p = (PersistentSnippet) event.snippet();
                shell.drop(p);
                System.err.println(TEXT.get("PackageNameGuard.hidesPackage", p.name()));
            }
        });
    }
}
