import { resolveSettings } from "../../provider/settings";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

describe("the access token in the settings", () => {
  test("a token with a line break inside is refused by position, without being repeated", () => {
    const token = "EAAAl-zq7x\nwv9k";
    let message = "";
    try {
      resolveSettings(config({ environment: "local", baseUrl: "http://127.0.0.1:4010", accessToken: token }), {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("has a character Square tokens never contain");
    expect(message).toContain("at position 11");
    expect(message).not.toContain("zq7x");
    expect(message).not.toContain("wv9k");
  });

  test("a token with a non-ASCII character from the environment names that source", () => {
    expect(() =>
      resolveSettings(config({ environment: "local", baseUrl: "http://127.0.0.1:4010" }), {
        SQUARE_ACCESS_TOKEN: "EAAAl-€uro",
      }),
    ).toThrow(/from the SQUARE_ACCESS_TOKEN environment variable .* at position 7/);
  });

  test("a well-formed token, with the spaces of a careless paste around it, is taken", () => {
    const settings = resolveSettings(
      config({ environment: "local", baseUrl: "http://127.0.0.1:4010", accessToken: "  EAAAl-ok_123 \n" }),
      {},
    );
    expect(settings.accessToken).toBe("EAAAl-ok_123");
  });
});
