"""The paperwork of a course: attendance sheets, evaluation forms and certificates."""
