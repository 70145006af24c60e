/** The fictional family lives with the training mode (it is shipped there); tests use the same one. */
export { FAMILY, SCAN_PNG_BASE64, personalValues } from '../../utils/training/family';
