/**
 * The http-state parser cases in real Chromium (see truth/http-state.ts): the Cookie header the browser
 * sends back for each case against the one the explainer's jar computes, as recorded in
 * test/unit/core/set-cookie/http-state-browsers.json.
 */
import { httpStateSuite } from './truth/http-state';

httpStateSuite('chrome');
