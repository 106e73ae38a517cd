/**
 * The Set-Cookie explainer against real Firefox (see truth/differential.ts): generated headers sent byte
 * for byte by a raw server, and what the browser stored or refused compared, header by header.
 */
import { differentialSuite } from './truth/suite';

differentialSuite('firefox');
