"""nbgrader configuration of the Brazilian-Portuguese exercises: the English course's settings
(../nbgrader_config.py), with this folder as the course and the students' stubs in Portuguese. The course
id stays "tl4j": a class takes the course in one language, through the same exchange (hub/README.md)."""
import os

c = get_config()  # noqa: F821 (provided by nbgrader)
load_subconfig(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "nbgrader_config.py"))  # noqa: F821

c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.ClearSolutions.code_stub = {
    "java": '// SEU CÓDIGO AQUI\nthrow new UnsupportedOperationException("ainda não implementado");',
}
c.ClearSolutions.text_stub = "SUA RESPOSTA AQUI"
