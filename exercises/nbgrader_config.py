"""nbgrader configuration of the tl4j exercises: Java notebooks on the "Java (tl4j)" kernel."""
import os

c = get_config()  # noqa: F821 (provided by nbgrader)

c.CourseDirectory.course_id = "tl4j"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

# What replaces an instructor's solution in the student version: a stub that fails when run,
# so an unanswered exercise can never pass its tests.
c.ClearSolutions.code_stub = {
    "java": '// YOUR CODE HERE\nthrow new UnsupportedOperationException("not implemented yet");',
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Grading runs every cell on the Java kernel. DL4J cells load models and train: a generous
# per-cell limit, after which the cell is interrupted, counts as failed and grading goes on.
# TL4J_CELL_TIMEOUT overrides it (the tests use a short one). grade.py also bounds a whole submission.
c.Execute.timeout = int(os.environ.get("TL4J_CELL_TIMEOUT", "180"))
c.Execute.interrupt_on_timeout = True
c.Execute.startup_timeout = 120  # a JVM in the sandbox, two of them at once on two cores
# After a cell's reply, its output may still be queued (a flood of hundreds of megabytes): give it
# time to drain, and if it does not, keep grading with what arrived instead of failing the submission.
c.Execute.iopub_timeout = 30
c.Execute.raise_on_iopub_timeout = False

# A cell that prints without end must not flood the gradebook and the feedback: at most
# TL4J_OUTPUT_LIMIT bytes per cell are kept (output_limit.py), besides nbgrader's line limit.
import sys  # noqa: E402

sys.path.insert(0, c.CourseDirectory.root)
from nbconvert.preprocessors import ClearMetadataPreprocessor  # noqa: E402
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, IgnorePattern,  # noqa: E402
                                    LimitOutput, SaveAutoGrades)
from output_limit import CappedExecute  # noqa: E402

c.Autograde.autograde_preprocessors = [CappedExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
                                       SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]

# Feedback shows each check's message but not the code of the hidden tests, so they stay usable
# for the next class.
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import ClearHiddenTests, GetGrades  # noqa: E402

c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]
