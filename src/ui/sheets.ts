/** sheets.css as a module, for lazy chunks whose own modules do not import it (the message bar, the confirmation). */
import './sheets.css';
