/** Unit tests run without the extension API: pages word their messages with the English catalogue. */
import { setWording } from '../../src/ui/i18n';
import { enLookup } from './en';

setWording(enLookup, 'en');
