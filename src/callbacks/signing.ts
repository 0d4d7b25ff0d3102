import type { ProtocolId } from "../domain/types.js";
import { callbackData, id } from "./data.js";

/** Sign an adopted protocol. */
export const signData = callbackData("sg", { protocol: id<ProtocolId>() });
/** Sign it with a dissenting opinion. */
export const signDissentData = callbackData("sgd", { protocol: id<ProtocolId>() });
