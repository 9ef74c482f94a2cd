// Starts govuk-frontend's components (error summary focus, header menu, …) once the page has loaded.
import { initAll } from '/govuk/govuk-frontend.min.js';

initAll();
