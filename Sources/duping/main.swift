print("duping")
