import { category, defineMenu, dollars, item, variation } from "./define-menu";

/**
 * The catering menu the restaurant group sells through Square.
 *
 * Edit it here: `pulumi preview` shows what would change in Square, `pulumi up` applies it.
 * Prices are in cents; write them with dollars(12.5) to avoid counting zeros. Tray sizes say how
 * many guests they serve, because that is what a caterer's customer orders by.
 */

const BREAKFAST = "Breakfast Platters";
const BOXED_LUNCHES = "Boxed Lunches";
const WRAPS = "Wraps";
const SALADS = "Salads";
const HOT_ENTREES = "Hot Entrées";
const SIDES = "Sides";
const DESSERTS = "Desserts";
const BEVERAGES = "Beverages";
const PARTY_TRAYS = "Party Trays";

/** The two tray sizes most hot dishes and sides come in. */
function trays(half: number, full: number) {
  return [
    variation("Half Tray (serves 8-10)", dollars(half)),
    variation("Full Tray (serves 18-20)", dollars(full)),
  ];
}

/** Platters sized by guest count, for dishes served cold from a platter. */
function platters(small: number, large: number) {
  return [
    variation("Small (serves 10)", dollars(small)),
    variation("Large (serves 20)", dollars(large)),
  ];
}

export const menu = defineMenu(
  {
    categories: [
      category(BREAKFAST, "Morning spreads for meetings and early events, delivered warm."),
      category(BOXED_LUNCHES, "Individually packed lunches, labelled with each guest's name."),
      category(WRAPS, "Wraps cut in half and arranged on a platter, or boxed per person."),
      category(SALADS, "Entrée and side salads, dressings packed on the side."),
      category(HOT_ENTREES, "Hot dishes in disposable chafing trays, ready to serve."),
      category(SIDES, "Hot and cold sides to round out a spread."),
      category(DESSERTS, "Baked in house every morning."),
      category(BEVERAGES, "Cold drinks and coffee service, with cups, ice and stirrers."),
      category(PARTY_TRAYS, "Finger food and grazing boards for receptions and parties."),
    ],
    items: [
      item("Continental Breakfast", {
        category: BREAKFAST,
        description: "Assorted bagels, muffins and croissants with cream cheese, butter and jam.",
        variations: platters(65, 120),
      }),
      item("Scrambled Egg Platter", {
        category: BREAKFAST,
        description: "Soft scrambled eggs with chives, applewood bacon, home fries and toast.",
        variations: platters(95, 180),
      }),
      item("Breakfast Burrito Platter", {
        category: BREAKFAST,
        description: "Eggs, chorizo, potatoes and cheddar in flour tortillas, with salsa roja.",
        variations: platters(85, 160),
      }),
      item("Greek Yogurt Parfait Bar", {
        category: BREAKFAST,
        description: "Greek yogurt with house granola, fresh berries and local honey.",
        variations: platters(55, 100),
      }),
      item("Seasonal Fruit Platter", {
        category: BREAKFAST,
        description: "Sliced melon, pineapple, grapes and berries, following the season.",
        variations: platters(50, 90),
      }),

      item("Classic Boxed Lunch", {
        category: BOXED_LUNCHES,
        description: "Choice of sandwich, kettle chips, a chocolate chip cookie and a whole apple.",
        price: dollars(14.95),
      }),
      item("Executive Boxed Lunch", {
        category: BOXED_LUNCHES,
        description: "Sandwich or wrap, side salad, fruit cup, dessert bar and bottled water.",
        price: dollars(18.95),
      }),
      item("Salad Boxed Lunch", {
        category: BOXED_LUNCHES,
        description: "Entrée salad with a dinner roll, fruit cup and a cookie.",
        price: dollars(16.5),
      }),
      item("Vegan Boxed Lunch", {
        category: BOXED_LUNCHES,
        description: "Roasted vegetable and hummus wrap, quinoa salad and a vegan brownie.",
        price: dollars(16.95),
      }),

      item("Chicken Caesar Wrap", {
        category: WRAPS,
        description: "Grilled chicken, romaine, parmesan and Caesar dressing in a flour tortilla.",
        price: dollars(11.5),
      }),
      item("Turkey Club Wrap", {
        category: WRAPS,
        description: "Roast turkey, bacon, lettuce, tomato and garlic aioli in a spinach tortilla.",
        price: dollars(11.95),
      }),
      item("Buffalo Chicken Wrap", {
        category: WRAPS,
        description: "Crispy chicken in buffalo sauce, celery slaw and blue cheese dressing.",
        price: dollars(11.95),
      }),
      item("Mediterranean Veggie Wrap", {
        category: WRAPS,
        description: "Hummus, cucumber, roasted peppers, feta and olives in whole wheat.",
        price: dollars(10.5),
      }),
      item("Wrap Platter", {
        category: WRAPS,
        description: "An assortment of our wraps, cut in halves, with a pickle spear per guest.",
        variations: platters(120, 230),
      }),

      item("Garden Salad", {
        category: SALADS,
        description: "Mixed greens, cucumber, cherry tomatoes, carrots and balsamic vinaigrette.",
        variations: platters(40, 75),
      }),
      item("Classic Caesar Salad", {
        category: SALADS,
        description: "Romaine hearts, shaved parmesan, garlic croutons and Caesar dressing.",
        variations: platters(45, 85),
      }),
      item("Greek Salad", {
        category: SALADS,
        description: "Romaine, tomato, cucumber, red onion, olives, feta, oregano vinaigrette.",
        variations: platters(50, 95),
      }),
      item("Southwest Chicken Salad", {
        category: SALADS,
        description: "Chicken, black beans, corn, avocado, tortilla strips and chipotle ranch.",
        variations: platters(65, 125),
      }),
      item("Quinoa & Roasted Vegetable Salad", {
        category: SALADS,
        description: "Quinoa, roasted squash and peppers, arugula and lemon-herb dressing.",
        variations: platters(55, 105),
      }),

      item("Chicken Marsala", {
        category: HOT_ENTREES,
        description: "Pan-seared chicken breast in a mushroom Marsala wine sauce.",
        variations: trays(110, 210),
      }),
      item("Baked Ziti", {
        category: HOT_ENTREES,
        description: "Ziti baked with marinara, ricotta and mozzarella.",
        variations: trays(70, 130),
      }),
      item("Beef Brisket", {
        category: HOT_ENTREES,
        description: "Slow-smoked brisket, sliced, with house barbecue sauce on the side.",
        variations: trays(150, 285),
      }),
      item("Lemon Herb Salmon", {
        category: HOT_ENTREES,
        description: "Roasted Atlantic salmon with lemon, dill and capers.",
        variations: trays(140, 270),
      }),
      item("Eggplant Parmesan", {
        category: HOT_ENTREES,
        description: "Breaded eggplant layered with marinara and mozzarella; vegetarian.",
        variations: trays(80, 150),
      }),
      item("Chicken Fajita Bar", {
        category: HOT_ENTREES,
        description: "Fajita chicken, peppers and onions, tortillas, pico de gallo, sour cream.",
        variations: trays(120, 230),
      }),

      item("Roasted Garlic Mashed Potatoes", {
        category: SIDES,
        description: "Yukon Gold potatoes mashed with roasted garlic and butter.",
        variations: trays(40, 75),
      }),
      item("Seasonal Roasted Vegetables", {
        category: SIDES,
        description: "Oven-roasted vegetables of the season with olive oil and herbs.",
        variations: trays(45, 85),
      }),
      item("Rice Pilaf", {
        category: SIDES,
        description: "Long-grain rice with toasted orzo, onion and parsley.",
        variations: trays(35, 65),
      }),
      item("Mac & Cheese", {
        category: SIDES,
        description: "Cavatappi in a three-cheese sauce with a toasted breadcrumb crust.",
        variations: trays(45, 85),
      }),
      item("Garlic Bread", {
        category: SIDES,
        description: "Toasted baguette with garlic butter and parsley.",
        variations: [variation("Dozen", dollars(18))],
      }),

      item("Assorted Cookie Platter", {
        category: DESSERTS,
        description: "Chocolate chip, oatmeal raisin and snickerdoodle cookies.",
        variations: [variation("Dozen", dollars(24)), variation("Two Dozen", dollars(45))],
      }),
      item("Brownie & Blondie Platter", {
        category: DESSERTS,
        description: "Fudge brownies and brown-butter blondies, cut into squares.",
        variations: [variation("Dozen", dollars(30)), variation("Two Dozen", dollars(56))],
      }),
      item("Mini Cheesecake Bites", {
        category: DESSERTS,
        description: "New York cheesecake bites with raspberry, caramel and chocolate toppings.",
        variations: [variation("Two Dozen", dollars(48))],
      }),
      item("Seasonal Fruit Tart", {
        category: DESSERTS,
        description: "Butter crust, vanilla pastry cream and glazed fruit; cut in 12 slices.",
        price: dollars(42),
      }),

      item("Boxed Coffee", {
        category: BEVERAGES,
        description: "House blend with cups, cream, sugar and stirrers; 12 cups per box.",
        variations: [variation("Regular", dollars(28)), variation("Decaf", dollars(28))],
      }),
      item("Hot Tea Service", {
        category: BEVERAGES,
        description: "Hot water with an assortment of black, green and herbal teas; 12 cups.",
        price: dollars(24),
      }),
      item("Fresh Lemonade", {
        category: BEVERAGES,
        description: "Squeezed in house, lightly sweetened; served with ice.",
        variations: [variation("Gallon (serves 10)", dollars(22))],
      }),
      item("Bottled Water", {
        category: BEVERAGES,
        description: "16.9 oz still spring water.",
        price: dollars(2),
      }),
      item("Assorted Canned Sodas", {
        category: BEVERAGES,
        description: "Coca-Cola, Diet Coke, Sprite and ginger ale.",
        price: dollars(2.25),
      }),

      item("Charcuterie Board", {
        category: PARTY_TRAYS,
        description: "Cured meats, aged cheeses, olives, fig jam, nuts and crackers.",
        variations: platters(150, 280),
      }),
      item("Crudités & Dip Platter", {
        category: PARTY_TRAYS,
        description: "Fresh-cut vegetables with buttermilk ranch and roasted red pepper hummus.",
        variations: platters(55, 100),
      }),
      item("Caprese Skewers", {
        category: PARTY_TRAYS,
        description: "Cherry tomato, fresh mozzarella and basil with balsamic glaze.",
        variations: [variation("Two Dozen", dollars(48)), variation("Four Dozen", dollars(90))],
      }),
      item("Chicken Satay Skewers", {
        category: PARTY_TRAYS,
        description: "Grilled chicken skewers with peanut dipping sauce.",
        variations: [variation("Two Dozen", dollars(60)), variation("Four Dozen", dollars(115))],
      }),
      item("Pinwheel Sandwich Tray", {
        category: PARTY_TRAYS,
        description: "Turkey, ham and veggie pinwheels, cut bite-size.",
        variations: platters(60, 110),
      }),
    ],
  },
  "catalog/menu.ts",
);

export default menu;
