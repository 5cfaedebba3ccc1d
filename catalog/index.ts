/** The declared menu and everything needed to check one: what the Pulumi program imports. */
export { menu } from "./menu";
export { menuSchema, menuCategorySchema, menuItemSchema, menuVariationSchema } from "./schema";
export {
  MAX_CATEGORY_NAME_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_ITEM_NAME_LENGTH,
  MAX_PRICE_CENTS,
  MAX_VARIATION_NAME_LENGTH,
} from "./schema";
export type {
  Menu,
  MenuCategory,
  MenuCategoryInput,
  MenuInput,
  MenuItem,
  MenuItemInput,
  MenuVariation,
  MenuVariationInput,
} from "./schema";
export { normalizeName } from "./normalize-name";
export { validateMenu } from "./validate-menu";
export { MenuValidationError, type MenuProblem } from "./menu-validation-error";
export { loadMenuFile, MENU_FILE_CONFIG_KEY } from "./load-menu";
export { MenuFileError } from "./menu-file-error";
export {
  category,
  defineMenu,
  dollars,
  item,
  variation,
  SINGLE_VARIATION_NAME,
  type ItemDetails,
} from "./define-menu";
